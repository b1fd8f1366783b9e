import { expect, fixture, html } from '@open-wc/testing';
import { applyCssVariables, focusField, focusStepHeading } from '../../src/runner/host-effects.js';

describe('runner host effects', () => {
  it('sets only --custom properties, on the host only, and removes the previous ones', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const first = applyCssVariables(host, [], { '--tl-color-accent': '#0b5fff', color: 'red', '--tl-radius': '8px' });
    expect(first).to.deep.equal(['--tl-color-accent', '--tl-radius']);
    expect(host.style.getPropertyValue('--tl-color-accent')).to.equal('#0b5fff');
    expect(host.style.color).to.equal('');
    expect(document.documentElement.getAttribute('style')).to.equal(null);
    const second = applyCssVariables(host, first, { '--tl-font': 'serif' });
    expect(second).to.deep.equal(['--tl-font']);
    expect(host.style.getPropertyValue('--tl-color-accent')).to.equal('');
    expect(host.style.getPropertyValue('--tl-font')).to.equal('serif');
  });

  it('focuses the step heading without scrolling the page, and a field by path or under it', async () => {
    const host = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 3000px"></div>
      <h2 data-step-heading tabindex="-1">Step</h2>
      <input data-field-path="owners.0.firstName" />
    </div>`);
    const before = window.scrollY;
    expect(focusStepHeading(host)).to.equal(true);
    expect(document.activeElement?.tagName).to.equal('H2');
    expect(window.scrollY).to.equal(before);
    expect(focusField(host, 'owners')).to.equal(true);
    expect(document.activeElement?.getAttribute('data-field-path')).to.equal('owners.0.firstName');
    expect(focusField(host, 'nothing')).to.equal(false);
  });
});
