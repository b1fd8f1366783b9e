import { expect, fixture, oneEvent } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { setViewport } from '../helpers/commands.js';
import { API_BASE, widgetToken } from '../helpers/sandbox.js';
import { individualToBank } from '../helpers/widget-api.js';
import { BUILD, expectBuildLoaded } from './build.js';
import { continueTo, fillBank } from './flows.js';

/** A second, separately bundled copy of the widget (its own Lit) that defines `<tl-workflow-v2>`. */
const SECOND_COPY = '/test/apps/npm/dist/v2.js';

/** Another library's element that happens to use a tag the widget once used internally. */
class OtherLibraryBankPicker extends HTMLElement {
  connectedCallback(): void {
    this.textContent = 'another library';
  }
}

async function atBankStep(tag: string): Promise<TlWorkflow> {
  const { token } = await widgetToken();
  await individualToBank(token);
  const el = await fixture<TlWorkflow>(staticHtml`<${unsafeStatic(tag)} api-base=${API_BASE}></${unsafeStatic(tag)}>`);
  const ready = oneEvent(el, 'tl-ready');
  el.token = token;
  await ready;
  await el.updateComplete;
  return el;
}

describe(`two copies of the widget on one page [${BUILD} build + the npm build as <tl-workflow-v2>]`, function () {
  expectBuildLoaded();
  before(async () => {
    await setViewport({ width: 1000, height: 900 });
    if (!customElements.get('tl-bank-picker')) customElements.define('tl-bank-picker', OtherLibraryBankPicker);
    await import(/* @vite-ignore */ SECOND_COPY);
  });

  it('are two different classes under two tags', () => {
    const first = customElements.get('tl-workflow');
    const second = customElements.get('tl-workflow-v2');
    expect(second).to.be.a('function');
    expect(second).not.to.equal(first);
    expect(document.createElement('tl-workflow-v2')).not.to.be.instanceOf(first!);
  });

  for (const tag of ['tl-workflow', 'tl-workflow-v2']) {
    it(`<${tag}> completes the bank step next to the other copy and another library's <tl-bank-picker>`, async () => {
      const el = await atBankStep(tag);
      expect(el.localName).to.equal(tag);
      expect(el.shadowRoot!.querySelectorAll('input[type=radio]').length).to.equal(16);
      await fillBank(el);
      await continueTo(el, 'consents');
    });
  }
});
