/**
 * The hostile-payload corpus against the built widget: each payload is served through the fault
 * proxy as the answer to the first `GET /widget/execution`. A refused payload must end in
 * `tl-error` `unexpected` on the error screen (no `tl-ready` for what was never shown), and its
 * "Try again" must load the real workflow; a hostile text must show as text. Nothing may run
 * (`window.__pwned`), nothing may throw. Prints the `hostile:` line from what happened.
 */
import { expect } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { API_BASE, widgetToken, type WidgetTokenFixture } from '../helpers/sandbox.js';
import { endScreen, findButton, stepOnScreen, until } from './driver.js';
import { HOSTILE_PAYLOADS, hostilePayload, type HostilePayload } from './hostile-payloads.js';
import { FaultProxy } from './proxy-client.js';
import { report } from './report.js';
import { catchingUncaught, loadBuiltWidget, mountWidget } from './scenario.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** What went wrong with one payload, or null. */
async function tryPayload(payload: HostilePayload, fixture: WidgetTokenFixture): Promise<string | null> {
  const proxy = new FaultProxy();
  // Every attempt of the load gets the payload: on a busy machine a big one may outlast a deadline and be retried.
  await proxy.add({ fault: 'serve', method: 'GET', pathContains: '/widget/execution', raw: payload.body, count: 10 });
  return catchingUncaught(async (uncaught) => {
    const el: TlWorkflow = await mountWidget(proxy, fixture.caseId);
    const events: string[] = [];
    for (const name of ['tl-ready', 'tl-error'] as const) el.addEventListener(name, (e) => events.push(`${name}:${(e as CustomEvent<{ code?: string }>).detail.code ?? ''}`));
    try {
      el.token = fixture.token;
      if (payload.expect === 'refused') {
        await until(() => endScreen(el) === 'error', 'the error screen');
        if (!events.includes('tl-error:unexpected')) return `no tl-error unexpected (${events.join(', ')})`;
        if (events.some((e) => e.startsWith('tl-ready'))) return 'tl-ready for a workflow never shown';
        // The way out: "Try again" loads the real workflow.
        await proxy.clearRules();
        findButton(el, 'Try again')!.click();
        await until(() => stepOnScreen(el) === 'personal', 'the workflow after Try again');
      } else {
        await until(() => stepOnScreen(el) === 'personal', 'the first step');
        if (!events.includes('tl-ready:')) return 'no tl-ready';
        if (events.includes('tl-error:unexpected')) return 'refused a valid shape';
        if (el.shadowRoot!.querySelector('script, img:not(.file-card__preview), svg[onload], [onerror]')) return 'hostile markup became elements';
      }
      await el.updateComplete;
      return uncaught.length > 0 ? `uncaught: ${uncaught.join('; ')}` : null;
    } catch (error) {
      return `${(error as Error).message}; events: ${events.join(', ')}; uncaught: ${uncaught.join('; ')}`;
    } finally {
      el.remove();
      await proxy.drop();
    }
  });
}

describe('fault suite: hostile execution payloads on the built widget', () => {
  let fixture: WidgetTokenFixture;
  let real: Record<string, unknown>;
  const crashes: string[] = [];

  before(async () => {
    await loadBuiltWidget();
    delete window.__pwned;
    fixture = await widgetToken();
    real = (await (await fetch(`${API_BASE}/widget/execution`, { headers: { Authorization: `Bearer ${fixture.token}` } })).json()) as Record<string, unknown>;
  });

  after(async () => {
    const executed = (window.__pwned === undefined ? 0 : 1) + ((Object.prototype as Record<string, unknown>).polluted === undefined ? 0 : 1);
    await report(`hostile: ${HOSTILE_PAYLOADS.length} payloads, ${crashes.length} crashes, ${executed} executed`);
  });

  // One test per payload; the page's state (nothing ran, nothing polluted) is checked after each.
  for (const { name, expect: outcome } of HOSTILE_PAYLOADS) {
    it(`${outcome === 'refused' ? 'refuses' : 'shows as text'}: ${name}`, async () => {
      const crash = await tryPayload(hostilePayload(real, name), fixture);
      if (crash !== null) crashes.push(`${name}: ${crash}`);
      expect(crash).to.equal(null);
      expect(window.__pwned, 'window.__pwned').to.equal(undefined);
      expect((Object.prototype as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
    });
  }
});
