// Type probes: small React 19 and Vue 3 (vue-tsc, strictTemplates) sources, type-checked against the
// package as installed from its tarball into demo/react and demo/vue, and demo/react's sources against
// React 18's types in demo/react18; the Svelte 5 app (svelte-check) and the Angular 20 app (ngc,
// strictTemplates) under test/apps/ (npm test runs `npm run test:apps` first). One probe per framework
// must FAIL: a number handed to `token` (React, Vue) or to the token endpoint (Svelte, Angular); and
// with React 18's types, the bare tag's `token` and `ontl-*` handlers, which React 18 mishandles.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Outcome {
  code: number;
  output: string;
}

/** Runs a type-checker from an app's own node_modules (`demo/<name>` or `test/apps/<name>`); resolves with its exit code and output. */
function check(demo: string, checker: 'tsc' | 'vue-tsc' | 'ngc' | 'svelte-check', project: string): Promise<Outcome> {
  const cwd = existsSync(`${root}demo/${demo}`) ? `${root}demo/${demo}` : `${root}test/apps/${demo}`;
  assert.ok(existsSync(`${cwd}/node_modules/tl-workflow/package.json`), `${cwd} has no installed tarball: run npm run test:apps`);
  const args = checker === 'svelte-check' ? ['--tsconfig', project, '--output', 'machine', '--fail-on-warnings'] : checker === 'ngc' ? ['-p', project] : ['--noEmit', '-p', project];
  return new Promise((resolve) => {
    execFile(`${cwd}/node_modules/.bin/${checker}`, args, { cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      // ngc colours its messages even into a pipe.
      resolve({ code, output: stripVTControlCharacters(`${stdout}${stderr}`) });
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

  it('React 18: the bare tag\'s `token` and `ontl-*` handler are type errors (React 18 would write the token as an attribute and drop the handler); token-endpoint is fine', async () => {
    const { code, output } = await check('react18', 'tsc', 'tsconfig.bare.json');
    assert.notEqual(code, 0, 'the React 18 bare-tag probe type-checked');
    const lines = output.trim().split('\n').filter((line) => line.includes('error TS'));
    assert.match(output, /react18-bare-tag\.tsx\(9,\d+\): error TS2322:[^]*Types of property '["']ontl-complete["']' are incompatible\.\s+Type '\(\) => void' is not assignable to type 'undefined'\./);
    assert.match(output, /react18-bare-tag\.tsx\(10,\d+\): error TS2322: Type 'string' is not assignable to type 'undefined'\./);
    assert.equal(lines.length, 2, `only those errors expected:\n${output}`);
  });

  it('Svelte 5 (svelte-check): the app\'s tag, every attribute and ontl-* handler typed, is clean', async () => {
    const { code, output } = await check('svelte', 'svelte-check', './tsconfig.json');
    assert.equal(code, 0, output);
    assert.match(output, /COMPLETED \d+ FILES 0 ERRORS 0 WARNINGS/);
  });

  it('Svelte 5: a number as `token-endpoint` fails svelte-check, with the error at the attribute', async () => {
    const { code, output } = await check('svelte', 'svelte-check', './wrong/tsconfig.json');
    assert.notEqual(code, 0, 'the wrong probe passed svelte-check');
    assert.match(output, /ERROR "wrong\/WrongProp\.svelte" 6:\d+ "Type 'number' is not assignable to type 'string'\./);
    assert.match(output, /COMPLETED \d+ FILES 1 ERRORS/);
  });

  it('Angular 20 (ngc, strictTemplates): the app compiled with typed bindings and typed $event', () => {
    const compiled = `${root}test/apps/angular/out-tsc/app.js`;
    assert.ok(existsSync(compiled), 'test/apps/angular is not built: run npm run test:apps');
    assert.ok(existsSync(`${root}test/apps/angular/dist/index.html`), 'the Angular app bundle');
  });

  it('Angular 20: a number bound to `[tokenEndpoint]` fails ngc, with the error at the binding', async () => {
    const { code, output } = await check('angular', 'ngc', 'wrong/tsconfig.json');
    assert.notEqual(code, 0, 'the wrong probe compiled');
    assert.match(output, /wrong\.ts:\d+:\d+ - error TS2322: Type 'number' is not assignable to type 'string'\./);
    assert.equal(output.match(/error TS/g)?.length, 1, `only that error expected:\n${output}`);
  });
});
