import { expect, fixture, html } from '@open-wc/testing';
import { setUpThemePanel } from '../../demo/theme-panel.js';

/** The demo's theme panel, and a widget whose workflow set uiOptions.cssVariables (on the element, as the runner does). */
async function panel() {
  const root = await fixture<HTMLDivElement>(html`<div>
    <input type="radio" name="scheme" value="auto" checked /><input type="radio" name="scheme" value="light" />
    <input type="radio" name="scheme" value="dark" />
    <input type="color" id="accent" value="#1d4ed8" /><input type="range" id="radius" min="0" max="24" value="6" />
    <output id="radius-value">6px</output><button type="button" id="reset-theme">Reset theme</button>
    <div id="widget"></div>
  </div>`);
  const widget = root.querySelector<HTMLElement>('#widget')!;
  widget.style.setProperty('--tl-color-accent', '#0b5fff');
  widget.style.setProperty('--tl-radius', '8px');
  setUpThemePanel(widget);
  const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  return { widget, accent: $<HTMLInputElement>('#accent'), radius: $<HTMLInputElement>('#radius'), output: $('#radius-value'), reset: $('#reset-theme'), dark: $<HTMLInputElement>('input[value=dark]') };
}

describe('demo theme panel', () => {
  afterEach(() => document.body.classList.remove('dark', 'light'));

  it("shows the widget's effective values (the workflow's uiOptions), not the README defaults", async () => {
    const { accent, radius, output } = await panel();
    expect(accent.value).to.equal('#0b5fff');
    expect(radius.value).to.equal('8');
    expect(output.textContent).to.equal('8px');
  });

  it('"Reset theme" restores the effective values it found, not the defaults', async () => {
    const { widget, accent, radius, reset, dark } = await panel();
    accent.value = '#ff0000';
    accent.dispatchEvent(new Event('input'));
    radius.value = '20';
    radius.dispatchEvent(new Event('input'));
    dark.checked = true;
    dark.dispatchEvent(new Event('change'));
    expect(widget.style.getPropertyValue('--tl-color-accent')).to.equal('#ff0000');
    expect(widget.style.getPropertyValue('--tl-radius')).to.equal('20px');
    expect(widget.style.getPropertyValue('--tl-color-bg')).to.equal('#16181d');
    expect(document.body.classList.contains('dark')).to.equal(true);
    reset.click();
    expect(widget.style.getPropertyValue('--tl-color-accent')).to.equal('#0b5fff');
    expect(widget.style.getPropertyValue('--tl-radius')).to.equal('8px');
    expect(widget.style.getPropertyValue('--tl-color-bg')).to.equal('');
    expect(document.body.classList.contains('dark')).to.equal(false);
    expect(accent.value).to.equal('#0b5fff');
    expect(radius.value).to.equal('8');
  });

  it("a forced dark scheme keeps the workflow's accent", async () => {
    const { widget, dark, accent } = await panel();
    dark.checked = true;
    dark.dispatchEvent(new Event('change'));
    expect(widget.style.getPropertyValue('--tl-color-accent')).to.equal('#0b5fff');
    expect(accent.value).to.equal('#0b5fff');
  });
});
