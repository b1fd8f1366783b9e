import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import type { TlStepChangeDetail } from '../../src/events/events.js';
import { setViewport } from '../helpers/commands.js';
import { BUILD, expectAllDefined, expectBuildLoaded } from './build.js';
import { API_BASE, widgetToken } from '../helpers/sandbox.js';
import { click, reattachAndSettle, shadow, until } from './driver.js';
import {
  advanceToBank,
  attach,
  continueTo,
  executionStatus,
  fillBank,
  fillConsents,
  fillIdentityDocument,
  fillPersonal,
  pdfFile,
  savedValues,
} from './flows.js';

describe(`<tl-workflow> end to end: individual KYC against the sandbox [${BUILD} build]`, function () {
  expectBuildLoaded();
  before(() => setViewport({ width: 1000, height: 900 }));
  afterEach(() => sinon.restore());

  it('a user completes every step with keyboard and mouse; tl-complete fires exactly once', async () => {
    const { token, executionId } = await widgetToken();
    const historyLength = history.length;
    const pushState = sinon.spy(history, 'pushState');
    const replaceState = sinon.spy(history, 'replaceState');
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const steps: TlStepChangeDetail[] = [];
    const completes: unknown[] = [];
    el.addEventListener('tl-step-change', (e) => steps.push(e.detail));
    el.addEventListener('tl-complete', (e) => completes.push(e.detail));
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    expect((await ready).detail.workflowId).to.equal(executionId);
    await el.updateComplete;
    expect(el.state).to.equal('running');
    // The execution's uiOptions.cssVariables land on the element itself, not on :root.
    expect(el.style.getPropertyValue('--tl-color-accent')).to.equal('#0b5fff');
    expect(document.documentElement.style.getPropertyValue('--tl-color-accent')).to.equal('');
    expectAllDefined(shadow(el));
    await expect(el).to.be.accessible();

    await fillPersonal(el);
    await expect(el).to.be.accessible();
    expect(await continueTo(el, 'identity-document')).to.deep.include({ index: 1, total: 6, workflowId: executionId });
    // Focus moved to the new step's heading.
    expect(shadow(el).activeElement?.hasAttribute('data-step-heading')).to.equal(true);

    await fillIdentityDocument(el);
    await expect(el).to.be.accessible();
    await continueTo(el, 'proof-of-address');

    await attach(el, 'document', pdfFile('utility-bill.pdf'));
    await expect(el).to.be.accessible();
    await continueTo(el, 'bank');

    await fillBank(el);
    await expect(el).to.be.accessible();
    await continueTo(el, 'consents');

    await fillConsents(el);
    await expect(el).to.be.accessible();
    await continueTo(el, 'review');

    const review = shadow(el).textContent!;
    for (const shown of ['Anna', 'Nowak', 'anna@example.com', 'passport.png', 'utility-bill.pdf', 'Poland']) {
      expect(review, shown).to.contain(shown);
    }
    await expect(el).to.be.accessible();

    const complete = oneEvent(el, 'tl-complete');
    await click(shadow(el).querySelector('[data-primary]')!);
    expect((await complete).detail).to.deep.equal({ workflowId: executionId, status: 'COMPLETED' });
    await el.updateComplete;
    expect(el.state).to.equal('complete');
    await expect(el).to.be.accessible();

    expect(steps.map((s) => s.stepId)).to.deep.equal(['identity-document', 'proof-of-address', 'bank', 'consents', 'review']);
    expect(steps.map((s) => s.index)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(await executionStatus(executionId)).to.equal('COMPLETED');
    // Moved in the page, the widget reads the completed execution again: still one tl-complete.
    await reattachAndSettle(el);
    expect(el.state).to.equal('complete');
    expect(completes).to.have.length(1);
    // The back button stays the host page's: no history entries, no URL changes.
    expect(pushState.called || replaceState.called, 'history touched').to.equal(false);
    expect(history.length).to.equal(historyLength);
  });

  it('locale="en-GB": the date of birth is typed day first and saved as an ISO date', async () => {
    const { token, executionId } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE} locale="en-GB"></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await el.updateComplete;
    const first = shadow(el).querySelector<HTMLInputElement>('[data-field-path="dateOfBirth"]')!;
    expect(first.labels![0]!.textContent!.trim()).to.equal('Day');
    await fillPersonal(el);
    await continueTo(el, 'identity-document');
    expect((await savedValues(executionId, 'personal')).dateOfBirth).to.equal('1990-05-17');
  });

  it('"my bank is not listed" moves on without a bank connection', async () => {
    const { token } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await advanceToBank(el);
    const change = oneEvent(el, 'tl-step-change');
    const notListed = [...shadow(el).querySelectorAll('button')].find((b) => /not listed/i.test(b.textContent!))!;
    await click(notListed);
    expect((await change).detail.stepId).to.equal('consents');
    await until(() => shadow(el).querySelector('form[data-step-id="consents"]'), 'consents step');
  });
});
