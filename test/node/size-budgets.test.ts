/**
 * The size budgets of bench/goals.ts, checked on what `npm run build` wrote (this runs in `npm test`
 * after the build): the script-tag file, each part next to it, and what an app's Vite build makes
 * of the npm build (the element alone, in an app with its own Lit, and through tl-workflow/react
 * and tl-workflow/vue). A file past its budget fails the build; so does a part the budgets do not
 * know, and a docs/size-and-speed.md whose size table is stale.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { APP_BUNDLES, MAIN_FILE, PARTS, type SizeBudget } from '../../bench/goals.ts';
import { readmeTables, tables, TOLERANCE } from '../../bench/readme-table.ts';
import { appSizes, distSizes, partName, type Size } from '../../bench/sizes.ts';

const within = (what: string, size: Size, budget: SizeBudget): void => {
  assert.ok(size.gzip <= budget.gzip, `${what}: ${size.gzip} B gzip -9, over its budget of ${budget.gzip} (bench/goals.ts)`);
  assert.ok(size.brotli <= budget.brotli, `${what}: ${size.brotli} B brotli, over its budget of ${budget.brotli} (bench/goals.ts)`);
};

describe('size budgets (bench/goals.ts) of what ships', () => {
  let dist: Awaited<ReturnType<typeof distSizes>>;
  let apps: Awaited<ReturnType<typeof appSizes>>;

  before(async () => {
    assert.ok(existsSync(new URL('../../dist/tl-workflow.iife.js', import.meta.url)), 'dist/ is missing: run `npm run build` first');
    dist = await distSizes();
    apps = await appSizes();
  });

  it('the script-tag file', () => {
    within('dist/tl-workflow.iife.js', dist['tl-workflow.iife.js']!, MAIN_FILE);
  });

  it('each part next to it, every part with a budget and every budget a part', () => {
    const parts = Object.keys(dist).map(partName).filter((name): name is string => !!name);
    assert.deepEqual([...parts].sort(), Object.keys(PARTS).sort(), 'the parts the build wrote, and those bench/goals.ts has budgets for');
    for (const part of parts) within(`dist/tl-workflow.${part}.js`, dist[`tl-workflow.${part}.js`]!, PARTS[part]!);
  });

  it("what an app's Vite build makes of the npm build, each part split off as a chunk of its own", () => {
    for (const [name, budget] of Object.entries(APP_BUNDLES)) {
      const app = apps[name as keyof typeof APP_BUNDLES];
      within(`app ${name}`, app.main, budget);
      assert.deepEqual(Object.keys(app.parts).sort(), Object.keys(PARTS).sort(), `app ${name}: a chunk per part`);
      for (const [part, size] of Object.entries(app.parts)) within(`app ${name}, part ${part}`, size, PARTS[part]!);
    }
  });

  it("docs/size-and-speed.md's size and speed tables say the goals of bench/goals.ts and this build's sizes", async () => {
    const readme = readmeTables(await readFile(new URL('../../docs/size-and-speed.md', import.meta.url), 'utf8'));
    const fresh = tables({ dist, apps });
    assert.equal(readme.length, fresh.length, 'docs/size-and-speed.md: another number of rows than `npm run sizes` writes (run `npm run sizes -- --write`)');
    const kB = /(\d+\.\d) kB/;
    readme.forEach((line, i) => {
      // The same text but the measured sizes; those within the tolerance of this build's.
      const expected = fresh[i]!;
      const cells = (l: string) => l.split('|').map((c) => c.trim());
      const [had, want] = [cells(line), cells(expected)];
      assert.equal(had.length, want.length, `docs/size-and-speed.md row ${i + 1}: ${line}`);
      had.forEach((cell, c) => {
        const measured = c === 3 || c === 4;
        if (!measured || !kB.test(want[c]!)) return assert.equal(cell, want[c], `docs/size-and-speed.md row ${i + 1} (run \`npm run sizes -- --write\`)`);
        const bytes = (text: string) => Number(/(\d+\.\d) kB/.exec(text)?.[1]) * 1000;
        const [got, now] = [bytes(cell), bytes(want[c]!)];
        assert.ok(Math.abs(got - now) <= TOLERANCE(now), `docs/size-and-speed.md row ${i + 1}: ${cell}, the build: ${want[c]} (run \`npm run sizes -- --write\`)`);
      });
    });
  });
});
