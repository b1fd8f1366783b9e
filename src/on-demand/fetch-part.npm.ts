import { kits, type PartFile } from './part-kit.js';

/**
 * The npm build's `fetchPart` (build/parts.ts puts it in place of `fetch-part.ts`): `load` imports
 * the part's file, `./tl-workflow.<name>.js` beside `tl-workflow.js` (an `import()` an app's bundler
 * splits off as a chunk), and the part is built from its kit.
 */
export async function fetchPart<T>(name: string, load: () => Promise<T>, _attempt: number): Promise<T> {
  const file = (await load()) as PartFile;
  return file.default(kits[name]!()) as T;
}
