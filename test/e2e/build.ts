/**
 * Which build of the widget the test page loaded. The end-to-end tests never import the widget:
 * web-test-runner serves them in pages that load one build first (see `test/e2e/pages.mjs`), and
 * they find the element by its tag. The page names its build on `<html data-tl-build>`.
 */
import { expect } from '@open-wc/testing';

/** `iife` (script tag), `npm` (the packed tarball bundled by Vite), or `src` (the sources, for development). */
export const BUILD = document.documentElement.dataset.tlBuild ?? '(no build loaded)';

/** The URL of the script the page loaded the widget from. */
export function buildScriptUrl(): string {
  const script = document.querySelector<HTMLScriptElement>('script[data-tl-build]');
  if (!script) throw new Error('the test page loaded no build of the widget');
  return script.src;
}

/** Fails the suite unless the page's build defined `<tl-workflow>` before any test ran. */
export function expectBuildLoaded(): void {
  before(() => {
    expect(BUILD, 'the page names its build').to.be.oneOf(['iife', 'npm', 'src']);
    expect(customElements.get('tl-workflow'), `<tl-workflow> defined by the ${BUILD} build`).to.be.a('function');
  });
}

/** Fails when the widget shows an element whose tag no registry defined (it would render as nothing). */
export function expectAllDefined(root: ShadowRoot): void {
  const undefinedTags = [...root.querySelectorAll(':not(:defined)')].map((n) => n.localName);
  expect(undefinedTags, `undefined elements in the ${BUILD} build`).to.deep.equal([]);
}
