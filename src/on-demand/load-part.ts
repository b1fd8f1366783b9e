import { fetchPart } from './fetch-part.js';

/**
 * Parts: code that ships in a file of its own next to the widget's main file,
 * `tl-workflow.<name>.js`, and is loaded the first time it is needed (a language, the official
 * engine, a step type). A part is listed where it is loaded from, by one call written exactly so:
 *
 *     loadPart('<name>', () => import('<its module>'))
 *
 * The build finds the parts by these calls (build/parts.ts) and writes each one's file; in the
 * sources (tests, the dev server) the call is a plain dynamic `import()`. This folder knows no
 * part: it imports nothing of the widget, and the widget's layers import it.
 */

/** One load per part and page: the one in flight or done; a failed one is forgotten. */
const loads = new Map<string, Promise<unknown>>();
/** How often each part was asked for: the script-tag build asks again for a file that failed under another URL. */
const attempts = new Map<string, number>();

/**
 * Loads part `name` (its module's exports), once per page. Rejects when its file cannot be
 * loaded (offline, not deployed next to the script); a later call then tries again.
 */
export function loadPart<T>(name: string, load: () => Promise<T>): Promise<T> {
  let pending = loads.get(name) as Promise<T> | undefined;
  if (!pending) {
    const attempt = (attempts.get(name) ?? 0) + 1;
    attempts.set(name, attempt);
    pending = fetchPart(name, load, attempt);
    loads.set(name, pending);
    pending.catch(() => loads.delete(name));
  }
  return pending;
}
