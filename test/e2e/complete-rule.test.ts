import { expect, fixture, html } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { API_BASE, widgetToken } from '../helpers/sandbox.js';
import { individualToBank, TestWidgetApi } from '../helpers/widget-api.js';
import { ExecutionRequests } from '../helpers/execution-requests.js';
import { reattachAndSettle, until } from './driver.js';
import { BUILD, expectBuildLoaded } from './build.js';

/** The README's rule: tl-complete once per element and execution; a new element fires it again, same workflowId. */
describe(`tl-complete across elements [${BUILD} build]`, function () {
  expectBuildLoaded();

  async function mount(token: string) {
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const events: string[] = [];
    for (const name of ['tl-ready', 'tl-complete', 'tl-cancel', 'tl-error'] as const) {
      el.addEventListener(name, (e) => events.push(`${name} ${JSON.stringify(e.detail)}`));
    }
    el.token = token;
    return { el, events };
  }

  it('fires once per element; a new element handed a token for the finished execution fires tl-ready and tl-complete again', async () => {
    const requests = new ExecutionRequests();
    const { token, executionId } = await widgetToken();
    await individualToBank(token);
    const api = new TestWidgetApi(token);
    await api.saveStep('bank', { outcome: 'OMITTED' });
    await api.saveStep('consents', { terms: true, privacy: true, marketing: false });
    await api.saveStep('review', {});
    const expected = [`tl-ready {"workflowId":"${executionId}"}`, `tl-complete {"workflowId":"${executionId}","status":"COMPLETED"}`];

    const first = await mount(token);
    await until(() => first.events.length === 2, 'tl-ready and tl-complete');
    expect(first.events).to.deep.equal(expected);
    expect(first.el.state).to.equal('complete');

    // The same element moved in the page (disconnected, connected again): it reloads, fires nothing again.
    // The positive signal first: the reload read and everything it causes done (check, state, render, events).
    const loads = requests.seen.length;
    await reattachAndSettle(first.el);
    expect(requests.seen, 'the reload on reconnection').to.have.length(loads + 1);
    expect(first.events, `nothing fired twice by one element: ${first.events.join(' | ')}`).to.deep.equal(expected);

    // A new element (a remount, a reload of the page) for the same finished execution.
    // (A new token for the case would start a new execution: the sandbox, like TransactionLink, starts one
    // after a finished one. The page hands the new element the token it still holds.)
    const second = await mount(token);
    await until(() => second.events.length === 2, 'tl-ready and tl-complete from the new element');
    expect(second.events, 'the same workflowId: hosts dedupe on it').to.deep.equal(expected);
  });
});
