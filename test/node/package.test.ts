// Checks of the published package, run in Node after `npm run build` (npm test builds first).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

describe('the published package', () => {
  it('imports on a server (SSR) without touching window, and exports the public API', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    const mod = (await import(new URL('dist/tl-workflow.js', root).href)) as Record<string, unknown>;
    assert.equal(typeof mod.TlWorkflow, 'function');
    assert.ok(Array.isArray(mod.ERROR_CODES));
    assert.ok((mod.ERROR_CODES as string[]).includes('invalid-token'));
    assert.equal(mod.DEFAULT_API_BASE, 'https://api.transactionlink.io');
    const TlWorkflow = mod.TlWorkflow as { define(tag?: string): string };
    assert.equal(TlWorkflow.define(), 'tl-workflow', 'define() is a no-op without a registry');
    assert.equal(TlWorkflow.define('acme-onboarding'), 'acme-onboarding');
  });

  it('the npm build leaves lit and jwt-decode to the host bundler', async () => {
    const esm = await read('dist/tl-workflow.js');
    assert.ok(/from\s*["']lit["']/.test(esm), 'imports lit');
    assert.ok(/from\s*["']jwt-decode["']/.test(esm), 'imports jwt-decode');
    assert.ok(!/extends HTMLElement/.test(esm), 'ReactiveElement must not be bundled');
  });

  it('the script-tag build is self-contained and registers the element', async () => {
    const iife = await read('dist/tl-workflow.iife.js');
    assert.ok(!/^\s*import\s/m.test(iife), 'no import statement');
    assert.ok(!/\brequire\(/.test(iife), 'no require()');
    assert.ok(/static define\(\w+\s*=\s*["'`]tl-workflow["'`]/.test(iife), 'TlWorkflow.define defaults to tl-workflow');
    // One function run at once, whose top level calls define() (terser may move function declarations after the call).
    assert.ok(/^\(function\(\)\{/.test(iife) && /\}\)\(\);\s*(\/\/# sourceMappingURL=\S+\s*)?$/.test(iife), 'one IIFE, run at once');
    assert.ok(/\)\.define\(\)[;}]/.test(iife), 'calls define() when it runs');
    assert.ok(!/^\s*var\s+\w+\s*=/.test(iife), 'assigns no global');
    // Lit is bundled, its Trusted Types policy renamed so it never clashes with a host page's own Lit.
    assert.ok(/createPolicy\(\s*["'`]tl-workflow["'`]/.test(iife), 'Lit is bundled, policy tl-workflow');
    assert.ok(!/createPolicy\(\s*["'`]lit-html["'`]/.test(iife), 'no lit-html policy in the script-tag build');
  });

  it('never contains the sandbox', async () => {
    for (const file of ['dist/tl-workflow.js', 'dist/tl-workflow.iife.js']) {
      const text = await read(file);
      for (const marker of ['hono', 'jose', 'sandbox-secret', 'createSandbox', 'PRIVATE KEY']) {
        assert.ok(!text.includes(marker), `${file} contains ${marker}`);
      }
    }
  });

  it('ships type declarations with the typed events', async () => {
    const pkg = JSON.parse(await read('package.json')) as { exports: { '.': { types: string } } };
    const types = pkg.exports['.'].types;
    assert.equal(Object.keys(pkg.exports['.'])[0], 'types', 'types come first in exports');
    const index = await read(types);
    assert.match(index, /TlWorkflow/);
    const events = await read('dist/types/events/events.d.ts');
    assert.match(events, /interface GlobalEventHandlersEventMap/);
    assert.match(events, /'tl-complete': TlEvent<'tl-complete'>/);
  });
});

describe('the custom elements manifest', () => {
  it('describes <tl-workflow>: attributes, events, parts and custom properties', async () => {
    const pkg = JSON.parse(await read('package.json')) as { customElements: string };
    const manifest = JSON.parse(await read(pkg.customElements)) as {
      modules: Array<{ declarations?: Array<Record<string, unknown>> }>;
    };
    const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'tl-workflow');
    assert.ok(element, 'tl-workflow is declared');
    const names = (key: string) => ((element[key] as Array<{ name: string }>) ?? []).map((x) => x.name);
    assert.deepEqual(names('attributes').sort(), [
      'api-base',
      'engine',
      'environment',
      'expiry-warning',
      'load-timeout',
      'locale',
      'modal',
      'placement',
      'request-timeout',
      'token',
      'token-endpoint',
      'widget-src',
    ]);
    assert.deepEqual(names('events').sort(), [
      'tl-cancel',
      'tl-complete',
      'tl-error',
      'tl-ready',
      'tl-step-change',
      'tl-token-expired',
      'tl-token-expiring',
    ]);
    assert.ok(names('cssParts').includes('base'));
    // Events carry their detail types; attributes their types (tools generate framework wrappers from them).
    for (const event of element.events as Array<{ name: string; type?: { text: string } }>) {
      assert.match(event.type?.text ?? '', /^CustomEvent<\{ \w+: /, `${event.name} has a detail type`);
    }
    const apiBase = (element.attributes as Array<{ name: string; type?: { text: string } }>).find((a) => a.name === 'api-base');
    assert.equal(apiBase?.type?.text, 'string');
    assert.ok(names('cssProperties').includes('--tl-color-accent'));
  });

  it('lists the public API only: internal reactive state is private', async () => {
    const manifest = JSON.parse(await read('dist/custom-elements.json')) as {
      modules: Array<{ declarations?: Array<Record<string, unknown>> }>;
    };
    const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'tl-workflow');
    const members = (element?.members ?? []) as Array<{ kind: string; name: string; privacy?: string; static?: boolean }>;
    const publicFields = members.filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public');
    assert.deepEqual(publicFields.map((m) => m.name).sort(), [
      'apiBase',
      'claims',
      'engine',
      'environment',
      'expiresAt',
      'expiryWarning',
      'fetchToken',
      'loadTimeout',
      'locale',
      'modal',
      'placement',
      'requestTimeout',
      'state',
      'token',
      'tokenEndpoint',
      'widgetSrc',
    ]);
    for (const name of ['tokenStatus', 'tokenFailure']) {
      const member = members.find((m) => m.name === name);
      assert.ok(!member || member.privacy === 'private', `${name} is not public`);
    }
    const attributes = (element?.attributes ?? []) as Array<{ name: string; type?: { text: string } }>;
    assert.equal(attributes.find((a) => a.name === 'request-timeout')?.type?.text, 'number');
  });
});
