/**
 * The hostile-payload corpus against the built widget: each payload is served through the fault
 * proxy as the answer to the first `GET /widget/execution`. A refused payload must end in
 * `tl-error` `unexpected` on the error screen (no `tl-ready` for what was never shown), and its
 * "Try again" must load the real workflow; a hostile text must show as text. Nothing may run
 * (`window.__pwned`), nothing may throw. Prints the `hostile:` line from what happened.
 */
import { expect } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { API_BASE, widgetToken } from '../helpers/sandbox.js';
import { endScreen, findButton, stepOnScreen, until } from './driver.js';
import { hostilePayloads, type HostilePayload } from './hostile-payloads.js';
import { addFault, clearProxy } from './proxy-client.js';
import { report } from './report.js';
import { catchingUncaught, loadBuiltWidget, mountWidget } from './scenario.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

interface Result {
  name: string;
  crash: string | null;
}

/** What went wrong with one payload, or null. */
async function tryPayload(payload: HostilePayload, token: string, caseId: string): Promise<string | null> {
  await addFault({ fault: 'serve', method: 'GET', pathContains: '/widget/execution', raw: payload.body });
  return catchingUncaught(async (uncaught) => {
    const el: TlWorkflow = await mountWidget(caseId);
    const events: string[] = [];
    for (const name of ['tl-ready', 'tl-error'] as const) el.addEventListener(name, (e) => events.push(`${name}:${(e as CustomEvent<{ code?: string }>).detail.code ?? ''}`));
    try {
      el.token = token;
      if (payload.expect === 'refused') {
        await until(() => endScreen(el) === 'error', 'the error screen', 5000);
        if (!events.includes('tl-error:unexpected')) return `no tl-error unexpected (${events.join(', ')})`;
        if (events.some((e) => e.startsWith('tl-ready'))) return 'tl-ready for a workflow never shown';
        // The way out: "Try again" loads the real workflow.
        findButton(el, 'Try again')!.click();
        await until(() => stepOnScreen(el) === 'personal', 'the workflow after Try again', 5000);
      } else {
        await until(() => stepOnScreen(el) === 'personal', 'the first step', 5000);
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
      await clearProxy();
    }
  });
}

describe('fault suite: hostile execution payloads on the built widget', function () {
  this.timeout(10 * 60_000);
  before(() => loadBuiltWidget());

  it('refuses or shows as text every payload: no crash, nothing executed', async () => {
    const fixture = await widgetToken();
    const real = (await (await fetch(`${API_BASE}/widget/execution`, { headers: { Authorization: `Bearer ${fixture.token}` } })).json()) as Record<string, unknown>;
    const payloads = hostilePayloads(real);
    const results: Result[] = [];
    delete window.__pwned;
    for (const payload of payloads) results.push({ name: payload.name, crash: await tryPayload(payload, fixture.token, fixture.caseId) });
    const executed = window.__pwned === undefined ? 0 : 1;
    const polluted = (Object.prototype as Record<string, unknown>).polluted !== undefined;
    const crashes = results.filter((r) => r.crash !== null);
    await report(`hostile: ${payloads.length} payloads, ${crashes.length} crashes, ${executed + (polluted ? 1 : 0)} executed`);
    expect(crashes, JSON.stringify(crashes, null, 1)).to.deep.equal([]);
    expect(executed, 'window.__pwned').to.equal(0);
    expect(polluted, 'Object.prototype polluted').to.equal(false);
  });
});
