import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { API_BASE, widgetToken } from '../helpers/sandbox.js';
import { individualToBank } from '../helpers/widget-api.js';
import { BUILD, buildScriptUrl, expectAllDefined, expectBuildLoaded } from './build.js';

/** Every `<tl-*` tag a template of `source` can render. */
function tagsIn(source: string): string[] {
  return [...new Set([...source.matchAll(/<(tl-[a-z0-9-]+)/g)].map((m) => m[1]!))].sort();
}

describe(`<tl-workflow> built files: every tl-* tag they render is defined [${BUILD} build]`, function () {
  expectBuildLoaded();

  // The sources are many modules: the bundles are what ships, and what this reads.
  if (BUILD !== 'src') it('every tl-* tag in the loaded bundle is defined once it has run', async () => {
    const source = await (await fetch(buildScriptUrl())).text();
    const tags = tagsIn(source);
    expect(tags, 'the bundle renders <tl-workflow> at least in its docs').to.be.an('array');
    const missing = tags.filter((tag) => !customElements.get(tag));
    expect(missing, `tags rendered by ${buildScriptUrl()} but never defined`).to.deep.equal([]);
  });

  if (BUILD === 'iife') it('the script-tag build adds no global to the page', () => {
    const globals = Object.keys(window).filter((key) => /^tl|workflow/i.test(key));
    expect(globals).to.deep.equal([]);
  });

  it('the bank step (the one whose inner element went missing) renders no undefined element and lists its banks', async () => {
    const { token } = await widgetToken();
    await individualToBank(token);
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('form[data-step-id]')?.getAttribute('data-step-id')).to.equal('bank');
    expectAllDefined(root);
    expect(root.querySelectorAll('input[type=radio][data-field-path="bankId"]')).to.have.length(16);
    expect(root.querySelector('input[type=search]')).to.exist;
  });
});
