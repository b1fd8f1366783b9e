import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { widgetToken } from '../helpers/sandbox.js';
import { EXAMPLE_TOKEN } from '../helpers/tokens.js';
import { REPLICA_SRC, widgetFrame } from '../official/replica.js';
import { shadow, until } from './driver.js';
import { BUILD, buildScriptUrl, expectBuildLoaded } from './build.js';

const text = (el: TlWorkflow) => shadow(el).textContent ?? '';

/**
 * The language and engine files (`tl-workflow.pl.js`, `.de.js`, `.official.js`) the page has fetched
 * so far. The step parts, fetched ahead once a first step is on screen, are
 * test/element/parts-journey.test.ts's.
 */
const partsFetched = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /tl-workflow\.(pl|de|official)(-[\w-]+)?\.js$/.test(path));

/**
 * What ships: the languages other than English and the official engine are files of their own,
 * loaded on demand: next to the script for the script tag, chunks the app's bundler split off
 * the tarball's ES build for npm (named by that bundler, so only counted there).
 */
describe(`<tl-workflow> built files: parts loaded on demand [${BUILD} build]`, function () {
  expectBuildLoaded();

  it('fetches no language file and no engine file for an English native widget', async () => {
    const { token } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base="/tl-api" locale="en"></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    expect(partsFetched()).to.deep.equal([]);
  });

  for (const [lang, expired] of [
    ['pl', 'Twoja sesja wygasła'],
    ['de', 'Ihre Sitzung ist abgelaufen'],
  ] as const) {
    it(`a widget asking for ${lang} fetches its language file and shows its texts`, async () => {
      const before = partsFetched().length;
      const el = await fixture<TlWorkflow>(html`<tl-workflow locale=${lang} .token=${EXAMPLE_TOKEN}></tl-workflow>`);
      await until(() => text(el).includes(expired), `the ${lang} texts in the ${BUILD} build (it shows: ${text(el)})`);
      const fetched = partsFetched().slice(before);
      expect(fetched, 'one file fetched for the language').to.have.length(1);
      if (BUILD === 'iife') expect(fetched[0]).to.equal(new URL(`tl-workflow.${lang}.js`, buildScriptUrl()).pathname);
      expect(shadow(el).querySelector('.base')!.getAttribute('lang')).to.equal(lang);
      await expect(el).to.be.accessible();
    });
  }

  it('engine="official" fetches the official engine file, which opens TransactionLink\'s widget', async () => {
    const { token } = await widgetToken();
    const before = partsFetched().length;
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src=${REPLICA_SRC}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await until(() => widgetFrame(el), "TransactionLink's frame");
    const fetched = partsFetched().slice(before);
    expect(fetched, 'one file fetched for the engine').to.have.length(1);
    if (BUILD === 'iife') expect(fetched[0]).to.equal(new URL('tl-workflow.official.js', buildScriptUrl()).pathname);
    el.remove();
  });
});
