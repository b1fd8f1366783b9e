/**
 * How a part is fetched from the sources: its module's dynamic `import()` (tests, the dev server,
 * the sandbox's replica bundle). The builds put another module in its place (build/parts.ts):
 * `fetch-part.npm.ts` for the npm build, `fetch-part.script.ts` for the script-tag file.
 */
export function fetchPart<T>(_name: string, load: () => Promise<T>, _attempt: number): Promise<T> {
  return load();
}
