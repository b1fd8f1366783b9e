// Type probes: small React 19 and Vue 3 (vue-tsc, strictTemplates) sources, type-checked against the
// package as installed from its tarball into demo/react and demo/vue, and demo/react's sources against
// React 18's types in demo/react18 (npm test runs `npm run test:apps` first). One probe per framework
// must FAIL: a number handed to `token`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Outcome {
  code: number;
  output: string;
}

/** Runs a type-checker from the demo's own node_modules; resolves with its exit code and output. */
function check(demo: 'react' | 'react18' | 'vue', checker: 'tsc' | 'vue-tsc', project: string): Promise<Outcome> {
  const cwd = `${root}demo/${demo}`;
  assert.ok(existsSync(`${cwd}/node_modules/tl-workflow/package.json`), `demo/${demo} has no installed tarball: run npm run test:apps`);
  return new Promise((resolve) => {
    execFile(`${cwd}/node_modules/.bin/${checker}`, ['--noEmit', '-p', project], { cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

describe('type probes against the packed tarball', { concurrency: true }, () => {
  const reacts = [
    { name: 'React 19', demo: 'react', what: 'the demo and type-probes/ok.tsx (JSX tag, ontl-* handlers, typed event props)', wrong: 'type-probes/tsconfig.wrong.json' },
    { name: 'React 18', demo: 'react18', what: "demo/react's sources against @types/react 18 (the @lit/react component, typed event props)", wrong: 'tsconfig.wrong.json' },
  ] as const;
  for (const { name, demo, what, wrong } of reacts) {
    it(`${name}: ${what} type-check`, async () => {
      const { code, output } = await check(demo, 'tsc', 'tsconfig.json');
      assert.equal(code, 0, output);
    });

    it(`${name}: a number as \`token\` fails to type-check, with the error at the prop`, async () => {
      const { code, output } = await check(demo, 'tsc', wrong);
      assert.notEqual(code, 0, 'the wrong probe type-checked');
      assert.match(output, /wrong-prop\.tsx\(5,\d+\): error TS2322: Type 'number' is not assignable to type 'string'\./);
      assert.equal(output.trim().split('\n').length, 1, `only that error expected:\n${output}`);
    });
  }

  it('Vue 3 (vue-tsc, strictTemplates): the demo and type-probes/Ok.vue type-check (:token, @tl-* with typed e.detail)', async () => {
    const { code, output } = await check('vue', 'vue-tsc', 'tsconfig.json');
    assert.equal(code, 0, output);
  });

  it('Vue 3: a number as `:token` fails to type-check, with the error at the binding', async () => {
    const { code, output } = await check('vue', 'vue-tsc', 'type-probes/tsconfig.wrong.json');
    assert.notEqual(code, 0, 'the wrong probe type-checked');
    assert.match(output, /WrongProp\.vue\(7,\d+\): error TS2322: Type 'number' is not assignable to type 'string'\./);
    assert.equal(output.trim().split('\n').length, 1, `only that error expected:\n${output}`);
  });
});
