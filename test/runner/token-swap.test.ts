import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { until } from '../helpers/until.js';
import sinon from 'sinon';
import { WidgetClient, newIdempotencyKey } from '../../src/client/widget-client.js';
import { useFaultProxy } from '../faults/proxy-client.js';
import { useFakeClock } from '../helpers/fake-clock.js';
import { API_BASE, PERSONAL, WORKFLOWS, audit, companyToReview, injectFault, widgetToken } from '../helpers/sandbox.js';
import { tokenExpiringIn } from '../helpers/tokens.js';
import './runner-host.js';
import type { RunnerTestHost } from './runner-host.js';

const proxy = useFaultProxy();
const installClock = useFakeClock();

async function host(): Promise<RunnerTestHost> {
  return fixture<RunnerTestHost>(html`<runner-test-host></runner-test-host>`);
}

async function start(el: RunnerTestHost, token: string): Promise<void> {
  const ready = oneEvent(el, 'tl-ready');
  el.controller.setToken(token, API_BASE);
  await ready;
}

/** Hands a fresh token for the same execution over and waits until the execution read with it is shown. */
async function resumeWithFreshToken(c: RunnerTestHost['controller'], caseId: string): Promise<void> {
  const next = await widgetToken({ caseId });
  const before = c.execution;
  c.setToken(next.token, API_BASE);
  await until(() => c.execution !== before && c.execution?.id === before?.id, 'the execution read with the fresh token');
}

/** Runner on the identity-document step with the personal step saved and a draft typed. */
async function onSecondStep() {
  const first = await widgetToken();
  const el = await host();
  await start(el, first.token);
  for (const [path, value] of Object.entries(PERSONAL)) el.controller.actions.setValue(path, value);
  const change = oneEvent(el, 'tl-step-change');
  el.controller.actions.submit();
  await change;
  el.controller.actions.setValue('documentType', 'id-card');
  return { el, c: el.controller, first };
}

describe('WorkflowController: token expiry and swaps', () => {
  it('tokenExpired() keeps every input, blocks sending without a request, and fires no tl-error', async () => {
    const { el, c, first } = await onSecondStep();
    c.tokenExpired();
    await el.updateComplete;
    expect(c.view.tokenExpired).to.equal(true);
    c.actions.setValue('documentType', 'passport');
    c.actions.submit();
    c.actions.back();
    expect(c.view.busy).to.equal(false);
    // First the positive signal: a fresh token, and the execution read with it is shown.
    await resumeWithFreshToken(c, first.caseId);
    expect(c.view.values.documentType).to.equal('passport');
    expect(c.view.step?.id).to.equal('identity-document');
    expect((await audit(first.executionId)).saves).to.deep.equal({ personal: 1 });
    expect(el.names).to.deep.equal(['tl-ready', 'tl-step-change']);
  });

  it('a new token for the same execution continues on the same step with everything typed', async () => {
    const { el, c, first } = await onSecondStep();
    c.tokenExpired();
    await resumeWithFreshToken(c, first.caseId);
    expect(c.view.tokenExpired).to.equal(false);
    expect(c.view.step?.id).to.equal('identity-document');
    expect(c.view.values.documentType).to.equal('id-card');
    expect(c.view.allValues.personal!.firstName).to.equal('Anna');
    expect(el.names).to.deep.equal(['tl-ready', 'tl-step-change']);
  });

  it('a save cut off by expiry is sent again with the same Idempotency-Key: saved at most once', async () => {
    const first = await widgetToken();
    const el = await host();
    await start(el, first.token);
    const c = el.controller;
    for (const [path, value] of Object.entries(PERSONAL)) c.actions.setValue(path, value);
    c.actions.submit();
    c.tokenExpired();
    expect(c.view.busy).to.equal(false);
    await resumeWithFreshToken(c, first.caseId);
    c.actions.submit();
    await until(() => c.view.step?.id === 'identity-document', 'not saved');
    expect((await audit(first.executionId)).saves).to.deep.equal({ personal: 1 });
  });

  it('a token of another execution resets the state and announces the new workflow', async () => {
    const { el, c, first } = await onSecondStep();
    const other = await widgetToken();
    const ready = oneEvent(el, 'tl-ready');
    c.setToken(other.token, API_BASE);
    expect((await ready).detail.workflowId).to.equal(other.executionId);
    expect(other.executionId).not.to.equal(first.executionId);
    expect(c.view.step?.id).to.equal('personal');
    // No draft of the first execution: only the new case's prefill.
    expect(c.view.values).to.deep.equal({ firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' });
    expect(c.view.allValues['identity-document']).to.deep.equal({});
  });

  it('a 401 token-expired from the API goes to the token owner, keeps input, and fires no tl-error', async () => {
    const { token } = await widgetToken();
    const el = await host();
    const ready = oneEvent(el, 'tl-ready');
    el.controller.setToken(token, proxy().apiBase);
    await ready;
    for (const [path, value] of Object.entries(PERSONAL)) el.controller.actions.setValue(path, value);
    // The API says the token has expired (as the sandbox does past exp): no need to wait for it.
    await proxy().add({ fault: 'status', status: 401, code: 'token-expired', method: 'PUT' });
    el.controller.actions.submit();
    await until(() => el.controller.view.tokenExpired, 'expiry not noticed');
    expect(el.rejected).to.equal(1);
    expect(el.controller.view.values.firstName).to.equal('Anna');
    expect(el.controller.view.banner).to.equal(null);
    expect(el.names).to.deep.equal(['tl-ready']);
  });

  it('stop() during the first load aborts it quietly: no tl-error, back to idle', async () => {
    const { token } = await widgetToken();
    const el = await host();
    const fetches = sinon.spy(window, 'fetch');
    el.controller.setToken(token, API_BASE);
    expect(el.controller.phase).to.equal('loading');
    el.controller.stop();
    // First the positive signal: the load's request has ended (aborted), and all that follows it has run.
    await until(() => fetches.called, 'the load request');
    await fetches.firstCall.returnValue.catch(() => undefined);
    fetches.restore();
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(el.controller.phase).to.equal('idle');
    expect(el.names).to.deep.equal([]);
  });

  it('a refused (forged) token is an unauthorized tl-error, not an expiry', async () => {
    const el = await host();
    const error = oneEvent(el, 'tl-error');
    el.controller.setToken(tokenExpiringIn(600), API_BASE);
    expect((await error).detail).to.include({ code: 'unauthorized', recoverable: false });
    expect(el.controller.phase).to.equal('error');
    expect(el.rejected).to.equal(0);
  });

  it('an unreachable API is a retryable network banner', async () => {
    const { token } = await widgetToken();
    const el = await host();
    const error = oneEvent(el, 'tl-error');
    el.controller.setToken(token, 'http://127.0.0.1:9');
    expect((await error).detail).to.include({ code: 'network', recoverable: true });
    expect(el.controller.phase).to.equal('error');
    expect(el.controller.view.banner).to.include({ code: 'network', retryable: true });
  });

  it('a load failing past its retries (5xx) can be retried from the banner', async () => {
    const { token } = await widgetToken();
    await injectFault({ method: 'GET', pathContains: '/widget/execution', status: 503, count: 3 });
    const el = await host();
    const error = oneEvent(el, 'tl-error');
    el.controller.setToken(token, API_BASE);
    expect((await error).detail).to.include({ code: 'server', recoverable: true });
    expect(el.controller.phase).to.equal('error');
    const ready = oneEvent(el, 'tl-ready');
    el.controller.actions.retry();
    await ready;
    expect(el.controller.phase).to.equal('running');
    expect(el.controller.view.banner).to.equal(null);
  });

  it('stops polling when the host is removed: no timer, no request', async () => {
    const fixtureToken = await widgetToken({ workflowDefinitionId: WORKFLOWS.companyKyb });
    const client = new WidgetClient({ apiBase: API_BASE, token: fixtureToken.token });
    await companyToReview(client);
    await client.saveStep('review', {}, newIdempotencyKey());
    // The poller's timer on the test's clock: what it would do is seen at once, not after a sleep.
    const clock = installClock();
    const el = await host();
    const complete = oneEvent(el, 'tl-complete');
    el.controller.setToken(fixtureToken.token, API_BASE);
    await complete;
    expect(el.controller.phase).to.equal('awaiting');
    await el.updateComplete;
    // The positive signal first: while connected, the next poll is armed (200 ms).
    expect(clock.countTimers(), 'the poll timer while connected').to.equal(1);
    el.remove();
    expect(clock.countTimers(), 'no timer after removal').to.equal(0);
    const fetches = sinon.spy(window, 'fetch');
    try {
      await clock.tickAsync(10 * 200);
      expect(fetches.callCount, 'no request after removal').to.equal(0);
    } finally {
      fetches.restore();
    }
    expect(el.controller.phase).to.equal('awaiting');
  });
});
