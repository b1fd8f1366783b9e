import { expect } from '@open-wc/testing';

/** The script-tag file as a page serves it (the same file for both e2e groups). */
const SCRIPT = new URL('/dist/tl-workflow.iife.js', location.href).href;

/** Every own key of a window's global object: names, and symbols as `Symbol(description)`. */
function globalKeys(realm: Window): string[] {
  return [...Object.getOwnPropertyNames(realm), ...Object.getOwnPropertySymbols(realm).map(String)];
}

/**
 * What docs/script-tag.md says the script-tag file leaves on `globalThis`: Lit's four globals,
 * and the symbol-keyed Trusted Types policy where the browser has Trusted Types. Loaded into a
 * fresh frame, so the page's own build and the test framework's globals do not count.
 */
describe('dist/tl-workflow.iife.js on globalThis', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('leaves only Lit\'s globals and its Trusted Types policy symbol; the class is reached through customElements', async () => {
    frame = document.createElement('iframe');
    document.body.append(frame);
    const realm = frame.contentWindow!;
    const before = new Set(globalKeys(realm));
    const script = realm.document.createElement('script');
    script.src = SCRIPT;
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', () => reject(new Error(`${SCRIPT} did not load`)));
    });
    realm.document.head.append(script);
    await loaded;

    expect(realm.customElements.get('tl-workflow'), 'the element is defined in the frame').to.be.a('function');
    const added = globalKeys(realm).filter((key) => !before.has(key)).sort();
    const expected = ['litElementVersions', 'litHtmlVersions', 'litPropertyMetadata', 'reactiveElementVersions'];
    if ('trustedTypes' in realm) expected.push('Symbol(tl-workflow.trusted-types-policy)');
    expect(added).to.deep.equal(expected.sort());
  });
});
