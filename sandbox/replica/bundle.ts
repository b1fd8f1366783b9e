/**
 * Builds the replica's two browser files with esbuild, from source, on first request: the host
 * script (host-script.ts) and the framed page's app (frame-app.ts, which bundles our native
 * `<tl-workflow>` from src/). Built in the sandbox's own process so the replica works the same in
 * web-test-runner, `npm start` and the standalone server, without `npm run build` first and never
 * stale: a build is reused until one of its input files changes.
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const ENTRIES = {
  host: 'sandbox/replica/host-script.ts',
  frame: 'sandbox/replica/frame-app.ts',
} as const;

export type ReplicaBundle = keyof typeof ENTRIES;

interface Built {
  code: string;
  inputs: string[];
  builtAt: number;
}

const builds = new Map<ReplicaBundle, Promise<Built>>();

async function bundle(name: ReplicaBundle): Promise<Built> {
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRIES[name]],
    tsconfig: 'tsconfig.json',
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2021',
    minify: true,
    legalComments: 'none',
    metafile: true,
    // Keep every side-effect import of src/ (e.g. a view that registers its inner element), whatever
    // package.json's "sideEffects" says: this bundle is the sandbox's, not the published one.
    ignoreAnnotations: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).map((path) => fileURLToPath(new URL(path, `file://${ROOT}`)));
  return { code: result.outputFiles[0]!.text, inputs, builtAt };
}

function changedSince(built: Built): boolean {
  return built.inputs.some((path) => {
    try {
      return statSync(path).mtimeMs > built.builtAt;
    } catch {
      return true;
    }
  });
}

/** The JavaScript of one replica file, built (or rebuilt after a source change) as needed. */
export async function replicaScript(name: ReplicaBundle): Promise<string> {
  let pending = builds.get(name);
  if (pending) {
    const built = await pending.catch(() => null);
    if (!built || changedSince(built)) pending = undefined;
  }
  if (!pending) {
    pending = bundle(name);
    builds.set(name, pending);
    pending.catch(() => builds.delete(name));
  }
  return (await pending).code;
}
