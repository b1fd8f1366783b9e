import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { until } from '../helpers/until.js';
import { newIdempotencyKey, WidgetClient } from '../../src/client/widget-client.js';
import {
  API_BASE,
  PERSONAL,
  audit,
  clearFaults,
  companyToReview,
  individualToReview,
  injectFault,
  widgetToken,
} from '../helpers/sandbox.js';
import './runner-host.js';
import type { RunnerTestHost } from './runner-host.js';

async function started(options: Parameters<typeof widgetToken>[0] = {}) {
  const fixtureToken = await widgetToken(options);
  const el = await fixture<RunnerTestHost>(html`<runner-test-host></runner-test-host>`);
  const ready = oneEvent(el, 'tl-ready');
  el.controller.setToken(fixtureToken.token, API_BASE);
  await ready;
  return { el, c: el.controller, ...fixtureToken };
}

function typePersonal(el: RunnerTestHost): void {
  for (const [path, value] of Object.entries(PERSONAL)) el.controller.actions.setValue(path, value);
}

describe('WorkflowController: loading and events', () => {
  afterEach(() => clearFaults());

  it('loads the execution, shows its current step and fires tl-ready once, without tl-step-change or focus', async () => {
    const { el, c, executionId } = await started();
    expect(c.phase).to.equal('running');
    expect(c.execution?.id).to.equal(executionId);
    expect(c.view.step?.id).to.equal('personal');
    expect(c.view.stepIndex).to.equal(0);
    expect(c.view.stepCount).to.equal(6);
    expect(el.events).to.deep.equal([{ name: 'tl-ready', detail: { workflowId: executionId } }]);
    expect(el.shadowRoot!.activeElement).to.equal(null);
  });

  it('applies uiOptions.cssVariables to the host only', async () => {
    const { el } = await started();
    expect(el.style.getPropertyValue('--tl-color-accent')).to.equal('#0b5fff');
    expect(document.documentElement.style.getPropertyValue('--tl-color-accent')).to.equal('');
  });

  it('makes no request and shows errors at the fields when the step is invalid', async () => {
    const { el, c, executionId } = await started();
    // The case's data starts filled in (the sandbox saves it in the new execution), and editable.
    expect(c.view.values).to.include({ firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' });
    c.actions.setValue('lastName', '');
    c.actions.submit();
    await el.updateComplete;
    await el.updateComplete;
    expect(c.view.fieldErrors).to.include.keys('lastName', 'dateOfBirth');
    expect(c.view.fieldErrors).not.to.have.any.keys('firstName', 'email');
    expect(c.view.busy).to.equal(false);
    expect((await audit(executionId)).saves).to.deep.equal({});
    expect(el.shadowRoot!.activeElement?.getAttribute('data-field-path')).to.equal('lastName');
    // One rule: every error the user is shown fires one tl-error, client-side validation included.
    const errors = el.events.filter((e) => e.name === 'tl-error');
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail).to.include({ code: 'validation', recoverable: true });
  });

  it('keeps errors and banners as messages: switching language re-renders them', async () => {
    const { el, c } = await started();
    el.locale = 'pl';
    c.actions.submit();
    await el.updateComplete;
    expect(c.view.fieldErrors.dateOfBirth).to.equal('To pole jest wymagane.');
    el.locale = 'de';
    expect(c.view.fieldErrors.dateOfBirth).to.equal('Dieses Feld ist erforderlich.');
    el.locale = 'en';
    expect(c.view.fieldErrors.dateOfBirth).to.equal('This field is required.');
    // A save failing past its retries: the banner, too, follows the language.
    await injectFault({ method: 'PUT', pathContains: '/steps/personal', status: 503, count: 3 });
    typePersonal(el);
    const error = oneEvent(el, 'tl-error');
    c.actions.submit();
    expect((await error).detail).to.include({ code: 'server' });
    expect(c.view.banner?.message).to.equal('Something went wrong on our side. Try again in a moment.');
    el.locale = 'pl';
    expect(c.view.banner?.message).to.equal('Wystąpił błąd po naszej stronie. Spróbuj ponownie za chwilę.');
  });

  it('saves a valid step once even on a double submit, then fires tl-step-change and focuses the heading', async () => {
    const { el, c, executionId } = await started();
    typePersonal(el);
    const change = oneEvent(el, 'tl-step-change');
    c.actions.submit();
    c.actions.submit();
    expect(c.view.busy).to.equal(true);
    // Typed while the save is in flight: kept as a draft over the saved value.
    c.actions.setValue('city', 'Kraków');
    const { detail } = await change;
    expect(detail).to.deep.equal({ workflowId: executionId, stepId: 'identity-document', index: 1, total: 6 });
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
    expect(el.shadowRoot!.activeElement?.hasAttribute('data-step-heading')).to.equal(true);
    expect(c.view.allValues.personal!.firstName).to.equal('Anna');
    expect(c.view.allValues.personal!.city).to.equal('Kraków');
    expect(c.execution!.values.personal!.city).to.equal('Warszawa');
  });

  it('maps server 422 errors to the fields and fires a recoverable validation tl-error', async () => {
    const fixtureToken = await widgetToken();
    const client = new WidgetClient({ apiBase: API_BASE, token: fixtureToken.token });
    await individualToReview(client);
    await client.back('bank');
    const el = await fixture<RunnerTestHost>(html`<runner-test-host></runner-test-host>`);
    const ready = oneEvent(el, 'tl-ready');
    el.controller.setToken(fixtureToken.token, API_BASE);
    await ready;
    const c = el.controller;
    expect(c.view.step?.id).to.equal('bank');
    // Only the (simulated) bank knows the password is wrong: the server answers 422.
    for (const [path, value] of Object.entries({ bankId: 'pl-pko', consent: true, username: 'anna', password: 'wrong' })) {
      c.actions.setValue(path, value);
    }
    const error = oneEvent(el, 'tl-error');
    c.actions.submit();
    expect((await error).detail).to.include({ code: 'validation', recoverable: true });
    expect(Object.keys(c.view.fieldErrors)).to.deep.equal(['password']);
    expect(c.view.banner).to.equal(null);
    expect(c.view.values.username).to.equal('anna');
    c.actions.setValue('password', 'right');
    expect(c.view.fieldErrors).to.deep.equal({});
  });

  it('after a save that fails past its retries, shows a banner; retry() saves once with the same key', async () => {
    const { el, c, executionId } = await started();
    typePersonal(el);
    await injectFault({ method: 'PUT', pathContains: '/steps/personal', status: 503, count: 3 });
    const error = oneEvent(el, 'tl-error');
    c.actions.submit();
    expect((await error).detail).to.include({ code: 'server', recoverable: true });
    expect(c.view.banner).to.include({ code: 'server', retryable: true });
    expect(c.view.values.firstName).to.equal('Anna');
    const change = oneEvent(el, 'tl-step-change');
    c.actions.retry();
    await change;
    expect(c.view.banner).to.equal(null);
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
  });

  it('goes back keeping the drafts of the step it leaves', async () => {
    const { el, c } = await started();
    typePersonal(el);
    c.actions.submit();
    await oneEvent(el, 'tl-step-change');
    c.actions.setValue('documentType', 'passport');
    const back = oneEvent(el, 'tl-step-change');
    c.actions.back();
    expect((await back).detail.stepId).to.equal('personal');
    expect(c.view.values.firstName).to.equal('Anna');
    expect(c.view.allValues['identity-document']!.documentType).to.equal('passport');
  });

  it('fires tl-cancel exactly once after the confirmation', async () => {
    const { el, c, executionId } = await started();
    c.actions.requestCancel();
    expect(c.view.confirmingCancel).to.equal(true);
    const cancelled = oneEvent(el, 'tl-cancel');
    c.actions.confirmCancel();
    expect((await cancelled).detail).to.deep.equal({ workflowId: executionId });
    c.actions.confirmCancel();
    await el.updateComplete;
    expect(c.phase).to.equal('cancelled');
    expect(c.view.confirmingCancel).to.equal(false);
    expect(el.names.filter((n) => n === 'tl-cancel')).to.have.length(1);
  });

  it('fires tl-complete once when the last step is submitted (COMPLETED)', async () => {
    const fixtureToken = await widgetToken();
    await individualToReview(new WidgetClient({ apiBase: API_BASE, token: fixtureToken.token }));
    const el = await fixture<RunnerTestHost>(html`<runner-test-host></runner-test-host>`);
    const ready = oneEvent(el, 'tl-ready');
    el.controller.setToken(fixtureToken.token, API_BASE);
    await ready;
    expect(el.controller.view.step?.type).to.equal('review');
    const complete = oneEvent(el, 'tl-complete');
    el.controller.actions.submit();
    expect((await complete).detail).to.deep.equal({ workflowId: fixtureToken.executionId, status: 'COMPLETED' });
    expect(el.controller.phase).to.equal('complete');
    // The completed execution read again (the token handed over again; a new token from the sandbox
    // would start a new execution) does not fire it again.
    const before = el.controller.execution;
    el.controller.setToken(fixtureToken.token, API_BASE);
    // First the positive signal: the execution read again is shown (and rendered).
    await until(() => el.controller.execution !== before, 'the execution read again');
    await el.updateComplete;
    expect(el.controller.execution).to.include({ id: fixtureToken.executionId, status: 'COMPLETED' });
    expect(el.names.filter((n) => n === 'tl-complete')).to.have.length(1);
  });

  it('fires tl-complete at AWAITING, polls until COMPLETED, and never fires it twice', async () => {
    const fixtureToken = await widgetToken({ workflowDefinitionId: '7c1e4a52-2f3d-4b8e-9a61-0d5b6e8f9a10' });
    const client = new WidgetClient({ apiBase: API_BASE, token: fixtureToken.token });
    await companyToReview(client);
    await client.saveStep('review', {}, newIdempotencyKey());
    const el = await fixture<RunnerTestHost>(html`<runner-test-host></runner-test-host>`);
    const complete = oneEvent(el, 'tl-complete');
    el.controller.setToken(fixtureToken.token, API_BASE);
    expect((await complete).detail.status).to.equal('AWAITING');
    expect(el.names).to.deep.equal(['tl-ready', 'tl-complete']);
    expect(el.controller.phase).to.equal('awaiting');
    await until(() => el.controller.phase === 'complete', 'never completed');
    expect(el.names.filter((n) => n === 'tl-complete')).to.have.length(1);
  });
});
