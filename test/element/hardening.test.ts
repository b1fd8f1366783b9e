import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { sameValue } from '../../src/runner/drafts.js';
import { busy, endScreen, fillStep, findButton, personalOnScreen, pressPrimary, stepOnScreen, TYPED, until } from '../faults/driver.js';
import { useFaultProxy } from '../faults/proxy-client.js';
import { audit, widgetToken } from '../helpers/sandbox.js';

const proxy = useFaultProxy();

/** A widget through this test's fault proxy (the default request deadline), with its tl- events recorded. */
async function mount(options: { locale?: string } = {}) {
  const fixtureToken = await widgetToken();
  const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${proxy().apiBase} locale=${options.locale ?? ''}></tl-workflow>`);
  const events: string[] = [];
  for (const name of ['tl-ready', 'tl-error', 'tl-cancel', 'tl-step-change'] as const) {
    el.addEventListener(name, (e) => events.push(`${name}${(e as CustomEvent<{ code?: string }>).detail.code ? `:${(e as CustomEvent<{ code?: string }>).detail.code}` : ''}`));
  }
  return { el, events, ...fixtureToken };
}

async function started() {
  const mounted = await mount();
  const ready = oneEvent(mounted.el, 'tl-ready');
  mounted.el.token = mounted.token;
  await ready;
  return mounted;
}

describe('<tl-workflow> hardening', () => {
  it('ends an unusable first answer on the error screen with tl-error unexpected, no tl-ready, and a Try again that works', async () => {
    const { el, events, token } = await mount();
    await proxy().add({ fault: 'serve', method: 'GET', pathContains: '/widget/execution', body: { id: 'x', definitions: [{ id: 'a', type: 'form', title: 't', fields: [null] }] } });
    el.token = token;
    await until(() => endScreen(el) === 'error', 'the error screen');
    expect(events).to.deep.equal(['tl-error:unexpected']);
    expect(el.state).to.equal('error');
    await expect(el).to.be.accessible();
    findButton(el, 'Try again')!.click();
    await until(() => stepOnScreen(el) === 'personal', 'the workflow');
    expect(events).to.deep.equal(['tl-error:unexpected', 'tl-ready']);
  });

  it('keeps every typed character when a save is answered with something that is not an execution', async () => {
    const { el, events, executionId } = await started();
    await fillStep(el);
    await proxy().add({ fault: 'serve', method: 'PUT', body: {} });
    pressPrimary(el);
    await until(() => events.includes('tl-error:unexpected'), 'tl-error');
    await until(() => !busy(el), 'the save over');
    expect(stepOnScreen(el)).to.equal('personal');
    expect(personalOnScreen(el)).to.deep.equal(TYPED.personal);
    pressPrimary(el);
    await until(() => stepOnScreen(el) === 'identity-document', 'the next step');
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
  });

  it('continues from the server when the answer to a save comes back empty (it was applied)', async () => {
    const { el, executionId } = await started();
    await fillStep(el);
    await proxy().add({ fault: 'empty-200', method: 'PUT' });
    pressPrimary(el);
    await until(() => stepOnScreen(el) === 'identity-document', 'the next step, read back from the server');
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
  });

  it('lets the user leave while a save hangs: Cancel verification -> Leave', async () => {
    const { el, events, executionId } = await started();
    await fillStep(el);
    await proxy().add({ fault: 'hang', method: 'PUT' });
    pressPrimary(el);
    await until(() => busy(el), 'the save in flight');
    findButton(el, 'Cancel verification')!.click();
    await el.updateComplete;
    const cancelled = oneEvent(el, 'tl-cancel');
    findButton(el, 'Leave')!.click();
    await cancelled;
    await until(() => endScreen(el) === 'cancelled', 'the cancelled screen');
    expect((await audit(executionId)).status).to.equal('CANCELLED');
    expect(events.filter((e) => e === 'tl-cancel')).to.have.length(1);
  });

  it('follows the server when the answer to Back is lost, and goes on without errors', async () => {
    const { el, events, executionId } = await started();
    await fillStep(el);
    pressPrimary(el);
    await until(() => stepOnScreen(el) === 'identity-document', 'step 2');
    await proxy().add({ fault: 'drop-after', method: 'POST', pathContains: '/back' });
    findButton(el, 'Back')!.click();
    await until(() => stepOnScreen(el) === 'personal' && !busy(el), 'back on the first step');
    expect(personalOnScreen(el)).to.deep.equal(TYPED.personal);
    // (Chrome may resend a POST whose connection closed unanswered: that copy gets the one 409.)
    const after = events.length;
    pressPrimary(el);
    await until(() => stepOnScreen(el) === 'identity-document', 'step 2 again');
    expect(events.slice(after)).to.deep.equal(['tl-step-change']);
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 2 });
  });

  it('saves once when the element is removed and re-added while a save is in flight', async () => {
    const { el, executionId } = await started();
    await fillStep(el);
    await proxy().add({ fault: 'hang', method: 'PUT' });
    pressPrimary(el);
    await until(() => busy(el), 'the save in flight');
    // The sandbox applied the save; its answer is withheld.
    await proxy().waitFor({ reached: 1 });
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await until(() => {
      if (stepOnScreen(el) === 'identity-document') return true;
      if (!busy(el) && stepOnScreen(el) === 'personal') pressPrimary(el);
      return false;
    }, 'the next step');
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
  });

  for (const locale of ['constructor', '__proto__', 'toString', 'hasOwnProperty-PL']) {
    it(`speaks English for locale="${locale}"`, async () => {
      const { el } = await mount({ locale });
      const ready = oneEvent(el, 'tl-ready');
      el.token = (await widgetToken()).token;
      await ready;
      await el.updateComplete;
      expect(findButton(el, 'Continue')).to.not.equal(null);
    });
  }
});

describe('save equality for the Idempotency-Key', () => {
  it('does not depend on key order', () => {
    expect(sameValue({ a: 1, b: { c: 2, d: [1, { e: 3, f: 4 }] } }, { b: { d: [1, { f: 4, e: 3 }], c: 2 }, a: 1 })).to.equal(true);
    expect(sameValue({ phone: { countryCode: '+48', number: '1' } }, { phone: { number: '1', countryCode: '+48' } })).to.equal(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).to.equal(true);
    expect(sameValue({ a: 1 }, { a: 2 })).to.equal(false);
    expect(sameValue([1, 2], [2, 1])).to.equal(false);
    expect(sameValue({ a: [] }, { a: {} })).to.equal(false);
    expect(sameValue(null, {})).to.equal(false);
  });
});
