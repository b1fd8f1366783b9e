import { expect, oneEvent } from '@open-wc/testing';
import { setViewport } from '../helpers/commands.js';
import { BUILD, expectBuildLoaded } from './build.js';
import { tickTo, useFakeClock } from '../helpers/fake-clock.js';
import { audit, clearFaults, injectFault, tokenClaims, widgetToken } from '../helpers/sandbox.js';
import { button, click, clickLabel, control, reattachAndSettle, shadow, stepId, type, until } from './driver.js';
import { advanceToBank, continueTo, executionStatus, fillBank, fillPersonal, startKyc } from './flows.js';

describe(`<tl-workflow> end to end: failures lose nothing [${BUILD} build]`, function () {
  expectBuildLoaded();
  before(() => setViewport({ width: 1000, height: 900 }));
  afterEach(() => clearFaults());
  const installClock = useFakeClock();

  it('a 503 on save is retried under the same Idempotency-Key: one submission only', async () => {
    const { el, executionId } = await startKyc();
    await fillPersonal(el);
    await injectFault({ method: 'PUT', pathContains: '/steps/personal', status: 503, count: 1 });
    const errors: unknown[] = [];
    el.addEventListener('tl-error', (e) => errors.push(e.detail));
    await continueTo(el, 'identity-document');
    expect((await audit(executionId)).saves.personal).to.equal(1);
    expect(errors, 'a retried failure is not the host page business').to.deep.equal([]);
  });

  it('when retries run out, a banner offers "Try again"; the retry saves once and keeps the input', async () => {
    const { el, executionId } = await startKyc();
    await fillPersonal(el);
    await injectFault({ method: 'PUT', pathContains: '/steps/personal', status: 503, count: 20 });
    const error = oneEvent(el, 'tl-error');
    await click(shadow(el).querySelector('[data-primary]')!);
    const { detail } = await error;
    expect(detail).to.deep.include({ code: 'server', recoverable: true });
    const banner = await until(() => shadow(el).querySelector('[part~="banner"]'), 'the error banner');
    expect(banner.getAttribute('role') ?? banner.querySelector('[role="alert"]')?.getAttribute('role')).to.equal('alert');
    expect(control(el, 'firstName').value).to.equal('Anna');
    expect(stepId(el)).to.equal('personal');
    await expect(el).to.be.accessible();
    expect((await audit(executionId)).saves.personal ?? 0).to.equal(0);

    await clearFaults();
    const change = oneEvent(el, 'tl-step-change');
    await click(button(el, 'Try again'));
    expect((await change).detail.stepId).to.equal('identity-document');
    expect((await audit(executionId)).saves.personal).to.equal(1);
  });

  it('a server validation error is shown at its field, announced, and focused', async () => {
    const { el } = await startKyc();
    await advanceToBank(el);
    await fillBank(el, 'wrong');
    await click(shadow(el).querySelector('[data-primary]')!);
    const password = control(el, 'password');
    await until(() => password.getAttribute('aria-invalid') === 'true', 'the password field marked invalid');
    const errorId = password.getAttribute('aria-describedby')!.split(' ').find((id) => /error/.test(id))!;
    const message = shadow(el).getElementById(errorId)!;
    expect(message.textContent!.trim()).not.to.equal('');
    await until(() => shadow(el).activeElement === password, 'focus on the invalid field');
    expect(stepId(el)).to.equal('bank');
    expect(control(el, 'username').value, 'other input kept').to.equal('anna.nowak');
    await expect(el).to.be.accessible();
  });

  it('the token expires mid-step: the widget says so and keeps the input; a fresh token resumes on the same step', async () => {
    // The page's clock is the test's: the token expires when the user has typed, however slow the machine.
    const clock = installClock();
    const { el, caseId, executionId, token } = await startKyc();
    const expiredEvent = oneEvent(el, 'tl-token-expired');
    await type(el, 'firstName', 'Zofia');
    await type(el, 'lastName', 'Wiśniewska');
    const exp = tokenClaims(token).exp as number;
    tickTo(clock, exp);
    const expired = await expiredEvent;
    expect(expired.detail.expiresAt.getTime()).to.equal(exp * 1000);
    clock.restore();
    await el.updateComplete;
    expect(el.state).to.equal('expired');
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.match(/session/i);
    expect(control(el, 'firstName').value).to.equal('Zofia');
    expect(control(el, 'lastName').value).to.equal('Wiśniewska');
    expect((shadow(el).querySelector('[data-primary]') as HTMLButtonElement).disabled, 'no sending with a dead token').to.equal(true);
    await expect(el).to.be.accessible();
    // The user keeps typing while the page fetches a new token.
    await type(el, 'city', 'Kraków');

    const fresh = await widgetToken({ caseId });
    expect(fresh.executionId, 'the same execution').to.equal(executionId);
    const before = el.shadowRoot!.querySelector('form');
    el.token = fresh.token;
    await until(() => el.state === 'running', 'running again');
    expect(stepId(el)).to.equal('personal');
    expect(control(el, 'firstName').value).to.equal('Zofia');
    expect(control(el, 'lastName').value).to.equal('Wiśniewska');
    expect(control(el, 'city').value).to.equal('Kraków');
    expect(el.shadowRoot!.querySelector('form')).to.equal(before);

    // Finish the step: only the fields not typed yet.
    await fillPersonal(el);
    expect(control(el, 'firstName').value).to.equal('Zofia');
    await continueTo(el, 'identity-document');
    expect((await audit(executionId)).saves.personal).to.equal(1);
  });

  it('back navigation keeps every input, forwards too', async () => {
    const { el } = await startKyc();
    await fillPersonal(el);
    await continueTo(el, 'identity-document');
    await clickLabel(el, 'Identity card');
    const back = oneEvent(el, 'tl-step-change');
    await click(button(el, 'Back'));
    expect((await back).detail).to.deep.include({ stepId: 'personal', index: 0 });
    await until(() => stepId(el) === 'personal', 'personal details on screen');
    expect(control(el, 'firstName').value).to.equal('Anna');
    expect(control(el, 'email').value).to.equal('anna@example.com');
    expect(control(el, 'phone').value).to.equal('600100200');
    await continueTo(el, 'identity-document');
    const checked = shadow(el).querySelector<HTMLInputElement>('[data-field-path="documentType"]:checked');
    expect(checked?.value).to.equal('id-card');
  });

  it('cancel asks first; Stay keeps the step; Leave fires tl-cancel exactly once', async () => {
    const { el, executionId } = await startKyc();
    await type(el, 'firstName', 'Anna');
    const cancel = button(el, 'Cancel');
    await click(cancel);
    // In Firefox this click has, rarely, opened nothing (twice in 13 runs of the e2e group, never alone): say what was there.
    const dialog = await until(() => shadow(el).querySelector('[role="alertdialog"]'), () => {
      const box = cancel.getBoundingClientRect();
      const hit = shadow(el).elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return `the confirmation (state ${el.state}; Cancel at ${Math.round(box.x)},${Math.round(box.y)} ${cancel.isConnected ? 'in the page' : 'gone'}, under its centre ${hit?.outerHTML.slice(0, 80) ?? 'nothing'}; focus on ${shadow(el).activeElement?.outerHTML.slice(0, 80) ?? 'nothing'})`;
    });
    await expect(el).to.be.accessible();
    // Focus moves in the frame after the confirmation renders: wait for it (a positive signal), not a fixed sleep.
    await until(() => dialog.contains(shadow(el).activeElement), 'focus inside the confirmation');
    await click(button(el, 'Stay'));
    await until(() => !shadow(el).querySelector('[role="alertdialog"]'), 'the confirmation closed');
    expect(control(el, 'firstName').value).to.equal('Anna');

    const cancels: unknown[] = [];
    el.addEventListener('tl-cancel', (e) => cancels.push(e.detail));
    await click(button(el, 'Cancel'));
    await until(() => shadow(el).querySelector('[role="alertdialog"]'), 'the confirmation');
    const leave = button(el, 'Leave');
    await click(leave);
    await until(() => cancels.length === 1, 'tl-cancel');
    expect(cancels[0]).to.deep.equal({ workflowId: executionId });
    await el.updateComplete;
    expect(el.state).to.equal('cancelled');
    await expect(el).to.be.accessible();
    expect(await executionStatus(executionId)).to.equal('CANCELLED');
    // Moved in the page, the widget reads the cancelled execution again: still one tl-cancel.
    await reattachAndSettle(el);
    expect(el.state).to.equal('cancelled');
    expect(cancels).to.have.length(1);
  });
});
