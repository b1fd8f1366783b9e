#!/usr/bin/env node
/**
 * Runs named stages (shell commands) one after the other and stops at the first that fails, saying
 * which one failed and which were skipped because of it, with how long each took. Used by
 * `npm test` and by .ci/run, so that a red run always says what it did not check.
 *
 *   node scripts/stages.mjs "build=npm run build" "node tests=npm run test:node" ...
 *
 * Plain JavaScript (no tsx): .ci/run may call it before anything else is set up.
 */
import { spawnSync } from 'node:child_process';

const stages = process.argv.slice(2).map((arg) => {
  const at = arg.indexOf('=');
  if (at <= 0) throw new Error(`stages.mjs: "${arg}" is not name=command`);
  return { name: arg.slice(0, at), command: arg.slice(at + 1) };
});

const seconds = (ms) => `${Math.round(ms / 1000)} s`;
const done = [];

for (const [index, stage] of stages.entries()) {
  console.log(`\n=== stage ${index + 1}/${stages.length}: ${stage.name} (${stage.command})`);
  const started = Date.now();
  const result = spawnSync(stage.command, { shell: true, stdio: 'inherit' });
  const took = Date.now() - started;
  done.push(`${stage.name} ${seconds(took)}`);
  if (result.status !== 0) {
    const skipped = stages.slice(index + 1).map((s) => s.name);
    console.error(`\n=== FAILED: ${stage.name} (exit ${result.status ?? result.signal}, after ${seconds(took)})`);
    console.error(`=== passed: ${done.slice(0, -1).join(', ') || 'none'}`);
    console.error(`=== skipped because of it: ${skipped.join(', ') || 'none'}`);
    process.exit(result.status || 1);
  }
}
console.log(`\n=== all ${stages.length} stages passed: ${done.join(', ')}`);
