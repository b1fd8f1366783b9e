import { expect } from '@open-wc/testing';
import { until } from '../helpers/until.js';

/**
 * The script-tag file (dist/tl-workflow.iife.js, needs `npm run build`) loaded as `type="module"`,
 * where it has no `document.currentScript`: it finds its own URL by its file name, or says on the
 * console, at load, why the files next to it cannot be loaded. Each case runs in a frame of its own.
 */

/** A same-origin frame showing `src` (or `srcdoc`), once loaded. */
async function frame(attributes: { src?: string; srcdoc?: string }): Promise<HTMLIFrameElement> {
  const element = document.createElement('iframe');
  element.title = 'script-tag file as a module';
  Object.assign(element, attributes);
  const loaded = new Promise((resolve) => element.addEventListener('load', resolve, { once: true }));
  document.body.append(element);
  await loaded;
  return element;
}

/** The text an element in `frame` shows. */
const shown = (element: HTMLIFrameElement) => element.contentDocument!.querySelector('tl-workflow')?.shadowRoot?.textContent ?? '';

describe('tl-workflow.iife.js loaded as type="module"', () => {
  let opened: HTMLIFrameElement | undefined;
  afterEach(() => opened?.remove());

  it('finds its own URL by its file name: the Polish file next to it loads', async () => {
    opened = await frame({ src: '/test/element/pages/module-script.html' });
    await until(() => shown(opened!).includes('Oczekiwanie na rozpoczęcie'), 'Polish texts from tl-workflow.pl.js');
    const loaded = opened.contentWindow!.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(loaded).to.include('/dist/tl-workflow.pl.js');
  });

  it('says on the console, at load, when it cannot find its URL (another file name)', async () => {
    opened = await frame({ srcdoc: '<!doctype html><html lang="pl"><body><tl-workflow></tl-workflow></body></html>' });
    const win = opened.contentWindow! as Window & typeof globalThis;
    const warnings: string[] = [];
    win.console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    // The same file under a URL without its name: a blob.
    const code = await (await fetch('/dist/tl-workflow.iife.js')).text();
    const script = win.document.createElement('script');
    script.type = 'module';
    script.src = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const ran = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    win.document.head.append(script);
    await ran;
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('cannot find its own URL');
    expect(warnings[0]).to.contain('type="module"');
    // The element works, in English.
    await until(() => shown(opened!).includes('Waiting to start'), 'the element, in English');
  });
});
