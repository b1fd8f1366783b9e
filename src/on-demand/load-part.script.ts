import { partFileName, type PartName, type Parts } from './parts.js';

/**
 * The script-tag build's part loader (vite.config.ts puts it in place of `load-part.ts`): a part
 * sits next to the script (`tl-workflow.pl.js` beside `tl-workflow.iife.js`) and is loaded with
 * dynamic `import()` of its URL, resolved against this script's own `src`.
 *
 * Why `import()`: a page that lets this script run (`script-src` naming its origin) lets a module
 * from the same place run too, and `import()` is not a Trusted Types sink. Adding a `<script>` would
 * need a Trusted Types policy for `script.src`; fetching JSON would need `connect-src` to the
 * script's origin as well. Cross-origin (a CDN), the file needs CORS, as every module script does.
 */
const script = typeof document === 'undefined' ? null : document.currentScript;
/** Read once, while this script runs: `document.currentScript` is null afterwards. */
const scriptUrl = script instanceof HTMLScriptElement ? script.src : '';

/**
 * Imports a part from next to this script. Rejects when it cannot be loaded, or cannot be found
 * (the script's URL is unknown: `new URL` throws); the callers say what is missing.
 */
export async function loadPart<K extends PartName>(name: K): Promise<Parts[K]> {
  return import(/* @vite-ignore */ new URL(partFileName(name), scriptUrl).href) as Promise<Parts[K]>;
}
