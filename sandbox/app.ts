/**
 * The sandbox in Node: `createSandbox(options)` is the sandbox app (core.ts) with options from the
 * environment, its state in memory or in the `SANDBOX_DATA` file (file-storage.ts), and the
 * replica's files built from source by esbuild (replica/bundle.ts; the package ships them prebuilt).
 */
import { optionsFromEnv, type SandboxOptions } from './config.ts';
import { createSandboxCore, type Sandbox } from './core.ts';
import { fileStorage } from './file-storage.ts';
import { replicaScript } from './replica/bundle.ts';
import { memoryStorage } from './storage.ts';

export type { SandboxOptions } from './config.ts';
export type { Sandbox } from './core.ts';

/** Creates a sandbox. Options not given come from the environment variables (see config.ts). */
export function createSandbox(options: Partial<SandboxOptions> = {}): Sandbox {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const effective: SandboxOptions = { ...optionsFromEnv(), ...given };
  const storage = effective.dataFile ? fileStorage(effective.dataFile) : memoryStorage();
  return createSandboxCore(effective, { storage, replicaScript });
}
