import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { click } from '../helpers/mouse.js';
import { KYB_STEPS, KYC_VALUES, sampleView } from '../fixtures/samples.js';
import { $, renderView, textOfIds, update } from './fixture.js';

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('header', () => {
  it('workflow name, "Step n of m" progress, step list with states, focusable heading', async () => {
    const { root } = await renderView(sampleView('identity-document'));
    expect($(root, '.workflow-name').textContent).to.equal('Individual KYC');
    const progress = $<HTMLProgressElement>(root, 'progress');
    expect(progress.value).to.equal(2);
    expect(progress.max).to.equal(5);
    expect(textOfIds(root, progress.getAttribute('aria-labelledby'))).to.equal('Step 2 of 5');
    const items = [...root.querySelectorAll('ol.steps > li')];
    expect(items.map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Personal details (completed)',
      'Identity document (current step)',
      'Bank account (not started)',
      'Consents (not started)',
      'Review and submit (not started)',
    ]);
    expect(items[1].getAttribute('aria-current')).to.equal('step');
    const heading = $(root, 'h2[data-step-heading]');
    expect(heading.textContent).to.equal('Identity document');
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    expect($(root, 'form').getAttribute('aria-labelledby')).to.equal(heading.id);
    expect(root.textContent).to.contain('Upload a clear photo');
  });

  it('Polish progress and step states', async () => {
    const { root } = await renderView(sampleView('identity-document', { locale: 'pl' }));
    expect(root.textContent).to.contain('Krok 2 z 5');
    expect(root.textContent).to.contain('(bieżący krok)');
    expect($(root, 'button[type=submit]').textContent!.trim()).to.equal('Dalej');
  });
});

describe('footer', () => {
  it('no Back on the first step; Continue submits on click and on Enter in a field', async () => {
    const { root, actions } = await renderView(sampleView('personal'));
    expect([...root.querySelectorAll('button')].some((b) => b.textContent!.trim() === 'Back')).to.equal(false);
    const submit = $<HTMLButtonElement>(root, 'button[type=submit]');
    expect(submit.textContent!.trim()).to.equal('Continue');
    await click(submit);
    expect(actions.submit.calledOnce).to.equal(true);
    $<HTMLInputElement>(root, '[data-field-path="firstName"]').focus();
    await sendKeys({ press: 'Enter' });
    expect(actions.submit.calledTwice).to.equal(true);
  });

  it('Back calls back()', async () => {
    const { root, actions } = await renderView(sampleView('bank'));
    const back = [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Back')!;
    back.focus();
    await sendKeys({ press: 'Enter' });
    expect(actions.back.calledOnce).to.equal(true);
  });

  it('busy: "Saving...", aria-disabled, and a second press does nothing', async () => {
    const { el, root, actions } = await renderView(sampleView('personal', { busy: true, values: KYC_VALUES.personal }));
    const submit = $<HTMLButtonElement>(root, 'button[type=submit]');
    expect(submit.textContent!.trim()).to.equal('Saving...');
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    await click(submit);
    expect(actions.submit.called).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('token expired: a plain alert, inputs kept, sending disabled', async () => {
    const { el, root, actions } = await renderView(sampleView('personal', { tokenExpired: true, values: KYC_VALUES.personal }));
    const alert = $(root, '[role=alert]');
    expect(alert.textContent).to.contain('Your session timed out');
    expect(alert.textContent).to.contain('Your answers are kept');
    expect($<HTMLInputElement>(root, '[data-field-path="firstName"]').value).to.equal('Anna');
    const submit = $<HTMLButtonElement>(root, 'button[type=submit]');
    expect(submit.disabled).to.equal(true);
    $<HTMLInputElement>(root, '[data-field-path="firstName"]').focus();
    await sendKeys({ press: 'Enter' });
    expect(actions.submit.called).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('cancel: asks first, focus moves into the confirmation; Stay, Escape and Leave', async () => {
    const { el, root, actions } = await renderView(sampleView('consents'));
    const cancel = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Cancel verification'))!;
    await click(cancel);
    expect(actions.requestCancel.calledOnce).to.equal(true);

    await update(el, sampleView('consents', { confirmingCancel: true }));
    await frames();
    const dialog = $(root, '[role=alertdialog]');
    expect(textOfIds(root, dialog.getAttribute('aria-labelledby'))).to.equal('Leave the verification?');
    expect(textOfIds(root, dialog.getAttribute('aria-describedby'))).to.contain('cancelled');
    expect(root.activeElement!.textContent!.trim()).to.equal('Stay');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    expect(actions.dismissCancel.calledOnce).to.equal(true);
    await update(el, sampleView('consents'));
    await frames();
    expect(root.activeElement!.textContent).to.contain('Cancel verification');

    await update(el, sampleView('consents', { confirmingCancel: true }));
    await frames();
    await sendKeys({ press: 'Enter' });
    expect(actions.dismissCancel.calledTwice).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement!.textContent!.trim()).to.equal('Leave');
    await sendKeys({ press: 'Enter' });
    expect(actions.confirmCancel.calledOnce).to.equal(true);
  });
});

describe('styling contract', () => {
  it('exposes the documented parts and honours --tl-* properties set on the host', async () => {
    const banner = { code: 'network' as const, message: 'Offline.', retryable: true };
    const { el, root } = await renderView(sampleView('owners', { banner }, KYB_STEPS));
    for (const part of ['header', 'step', 'field', 'button', 'footer', 'banner', 'group-entry']) {
      expect(root.querySelector(`[part~="${part}"]`), part).to.exist;
    }
    el.style.setProperty('--tl-color-accent', 'rgb(200, 0, 100)');
    el.style.setProperty('--tl-radius', '13px');
    const submit = $(root, 'button[type=submit]');
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(200, 0, 100)');
    expect(getComputedStyle(submit).borderTopLeftRadius).to.equal('13px');
  });
});

describe('banner', () => {
  it('role=alert with the message, Try again when retryable, Dismiss', async () => {
    const banner = { code: 'network' as const, message: 'We could not reach the server.', retryable: true };
    const { el, root, actions } = await renderView(sampleView('consents', { banner }));
    const alert = $(root, '[part=banner][role=alert]');
    expect(alert.textContent).to.contain('We could not reach the server.');
    const [retry, dismiss] = [...alert.querySelectorAll('button')];
    expect(retry.textContent!.trim()).to.equal('Try again');
    expect(dismiss.textContent!.trim()).to.equal('Dismiss');
    await click(retry);
    expect(actions.retry.calledOnce).to.equal(true);
    dismiss.focus();
    await sendKeys({ press: 'Enter' });
    expect(actions.dismissBanner.calledOnce).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('no Try again when not retryable', async () => {
    const { root } = await renderView(sampleView('consents', { banner: { code: 'conflict', message: 'Already done.', retryable: false } }));
    expect([...$(root, '[part=banner]').querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Dismiss']);
  });
});
