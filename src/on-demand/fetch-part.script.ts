import { kits, type PartFile } from './part-kit.js';

/**
 * The script-tag build's `fetchPart` (build/parts.ts puts it in place of `fetch-part.ts`): a part
 * sits next to the script (`tl-workflow.pl.js` beside `tl-workflow.iife.js`) and is loaded with
 * dynamic `import()` of its URL, resolved against this script's own `src`, then built from its kit.
 *
 * Why `import()`: a page that lets this script run (`script-src` naming its origin) lets a module
 * from the same place run too, and `import()` is not a Trusted Types sink. Adding a `<script>` would
 * need a Trusted Types policy for `script.src`; fetching JSON would need `connect-src` to the
 * script's origin as well. Cross-origin (a CDN), the file needs CORS, as every module script does:
 * `Access-Control-Allow-Origin` on the files next to the script.
 *
 * A browser may keep a failed module fetch for the page's life (Firefox does): asked again after a
 * failure, the file is imported under another URL (`?attempt=2`), so Try again really fetches it.
 */

/** The script's own file name, as the build writes it. */
const OWN_FILE = /(?:^|\/)tl-workflow\.iife\.js$/;

/**
 * This script's URL, read once while it runs: `document.currentScript` for a classic script (null
 * afterwards). Loaded as `type="module"` (no `currentScript`), it is found among the page's scripts
 * by its file name; if it cannot be found (renamed, or loaded from a blob), the console says so at
 * load, as the files next to it cannot be loaded then.
 */
function ownUrl(): string {
  if (typeof document === 'undefined') return '';
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  const mine = [...document.scripts].map((script) => script.src).filter((src) => src && OWN_FILE.test(new URL(src).pathname));
  if (mine.length > 0) return mine[mine.length - 1]!;
  console.warn('tl-workflow: cannot find its own URL (loaded as type="module"?), so the files next to it cannot be loaded: load tl-workflow.iife.js with a classic <script>.');
  return '';
}

const scriptUrl = ownUrl();

/**
 * Imports part `name` from next to this script. Rejects when it cannot be loaded, or cannot be
 * found (the script's URL is unknown: `new URL` throws); the callers say what is missing.
 */
export async function fetchPart<T>(name: string, _load: unknown, attempt: number): Promise<T> {
  const url = new URL(`tl-workflow.${name}.js${attempt > 1 ? `?attempt=${attempt}` : ''}`, scriptUrl).href;
  const file = (await import(/* @vite-ignore */ url)) as PartFile;
  return file.default(kits[name]!()) as T;
}
