/**
 * The replica's two browser files as the `tl-workflow-sandbox` package ships them: built once by
 * sandbox/build.ts into `dist/replica/`, next to the package's code, and read from there (the
 * package has neither esbuild nor the widget's sources). The build puts this module in place of
 * bundle.ts, with the same export.
 */
import { readFile } from 'node:fs/promises';

export type ReplicaBundle = 'host' | 'frame';

/** The file each bundle is shipped as, in `dist/replica/`. */
export const REPLICA_FILES: Record<ReplicaBundle, string> = { host: 'transactionlink-widget.umd.js', frame: 'frame.js' };

const loaded = new Map<ReplicaBundle, Promise<string>>();

/**
 * The JavaScript of one replica file, read once.
 * @public (imported in place of bundle.ts's by the package build, which knip cannot follow)
 */
export function replicaScript(name: ReplicaBundle): Promise<string> {
  let code = loaded.get(name);
  if (!code) {
    // Relative to the built module, which sits in dist/ (see sandbox/build.ts).
    code = readFile(new URL(`./replica/${REPLICA_FILES[name]}`, import.meta.url), 'utf8');
    loaded.set(name, code);
  }
  return code;
}
