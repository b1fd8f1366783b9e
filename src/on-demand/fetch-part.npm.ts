import { kits, type PartFile } from './part-kit.js';

/**
 * The npm build's `fetchPart` (build/parts.ts puts it in place of `fetch-part.ts`): `load` imports
 * the part's file, `./tl-workflow.<name>.js` beside `tl-workflow.js` (an `import()` an app's bundler
 * splits off as a chunk), and the part is built from its kit.
 *
 * Chromium and Firefox keep a failed module fetch for the page's life: the same `import()` fails
 * again at once, with no request, so Try again would never get the part. They name the URL in the
 * error, so a later attempt imports that URL under a query of its own (`?attempt=2`): a new request.
 * (WebKit fetches again by itself, and names no URL; webpack's chunk loader fetches again too.)
 */

/** The URL of each part whose first `import()` failed, as the browser named it. */
const failedUrls = new Map<string, string>();

export async function fetchPart<T>(name: string, load: () => Promise<T>, attempt: number): Promise<T> {
  const failed = failedUrls.get(name);
  let file: PartFile;
  try {
    file = (await (failed ? importAgain(failed, attempt) : load())) as PartFile;
  } catch (error) {
    const url = failedModuleUrl(error);
    if (url && !failed) failedUrls.set(name, url);
    throw error;
  }
  return file.default(kits[name]!()) as T;
}

/** Imports the module at `url` again, as a URL of its own (a part imports nothing: it works from anywhere). */
async function importAgain(url: string, attempt: number): Promise<unknown> {
  const again = new URL(url);
  again.searchParams.set('attempt', String(attempt));
  return import(/* @vite-ignore */ /* webpackIgnore: true */ again.href);
}

/**
 * The URL a failed dynamic `import()` names: Chromium says "Failed to fetch dynamically imported
 * module: <url>", Firefox "error loading dynamically imported module: <url>".
 */
function failedModuleUrl(error: unknown): string | undefined {
  return /dynamically imported module: (\S+)$/.exec(error instanceof Error ? error.message : '')?.[1];
}
