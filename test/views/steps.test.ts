import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { click } from '../helpers/mouse.js';
import { KYB_STEPS, sampleView } from '../fixtures/samples.js';
import { $, renderView, textOfIds, update } from './fixture.js';

describe('registry-lookup step', () => {
  it('Find company (click or Enter) calls lookupRegistry with the number', async () => {
    const { el, root, actions } = await renderView(sampleView('company-lookup', { values: { registryNumber: '0000123456' } }, KYB_STEPS));
    const input = $<HTMLInputElement>(root, '[data-field-path="registryNumber"]');
    expect(input.labels![0].textContent).to.contain('Registry number');
    expect(textOfIds(root, input.getAttribute('aria-describedby'))).to.contain('Try 0000123456.');
    const find = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Find company'))!;
    await click(find);
    expect(actions.lookupRegistry.calledOnceWith('0000123456')).to.equal(true);
    input.focus();
    await sendKeys({ press: 'Enter' });
    expect(actions.lookupRegistry.callCount).to.equal(2);
    expect(actions.submit.called).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('announces searching, found (with a summary) and not found in a polite live region', async () => {
    const base = { values: { registryNumber: '0000123456' } };
    const { el, root } = await renderView(sampleView('company-lookup', base, KYB_STEPS));
    const region = $(root, '.registry-status');
    expect(region.getAttribute('role')).to.equal('status');
    await update(el, sampleView('company-lookup', { ...base, registry: { status: 'searching' } }, KYB_STEPS));
    expect(region.textContent).to.contain('Searching the registry');
    expect(root.querySelector('.registry-status')).to.equal(region);
    await update(el, sampleView('company-lookup', { ...base, registry: { status: 'found', record: { registryNumber: '0000123456', companyName: 'Acme Sp. z o.o.', country: 'PL' } } }, KYB_STEPS));
    expect(region.textContent).to.contain('Company found');
    expect(region.querySelector('dl')!.textContent).to.contain('Acme Sp. z o.o.');
    expect(region.textContent).to.contain('Poland');
    await expect(el).to.be.accessible();
    await update(el, sampleView('company-lookup', { ...base, registry: { status: 'not-found' } }, KYB_STEPS));
    expect(region.textContent).to.contain('could not find a company');
  });
});

describe('bank step', () => {
  it('typing in the search reports the text; the list shows what matches and the count is announced', async () => {
    const { el, root, actions } = await renderView(sampleView('bank'));
    const search = $<HTMLInputElement>(root, 'input[type=search]');
    expect(search.labels![0].textContent).to.contain('Search for your bank');
    expect(root.querySelectorAll('input[type=radio]')).to.have.length(6);
    search.focus();
    await sendKeys({ type: 'sl' });
    expect(actions.setBankQuery.args.map((a) => a[0])).to.deep.equal(['s', 'sl']);
    expect(actions.setValue.called, 'searching saves nothing').to.equal(false);

    const count = $(root, '[role=status]');
    await update(el, sampleView('bank', { bankQuery: 'slaski' }));
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios).to.have.length(1);
    expect(radios[0].labels![0].textContent).to.contain('ING Bank Śląski');
    expect(root.querySelector('[role=status]'), 'the same live region').to.equal(count);
    expect(count.getAttribute('aria-live')).to.equal('polite');
    expect(count.textContent).to.contain('1 bank found');
    expect(search.getAttribute('aria-describedby')).to.equal(count.id);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['bankId', 'pl-ing']);
    await expect(el).to.be.accessible();

    await update(el, sampleView('bank', { bankQuery: 'no such bank' }));
    expect(root.querySelectorAll('input[type=radio]')).to.have.length(0);
    expect(count.textContent).to.contain('No bank matches');
  });

  it('a bank error is linked from every radio button and announced with its prefix', async () => {
    const { el, root } = await renderView(sampleView('bank', { fieldErrors: { bankId: 'Choose your bank.' } }));
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.length).to.be.greaterThan(1);
    for (const radio of radios) {
      expect(radio.getAttribute('aria-invalid')).to.equal('true');
      expect(textOfIds(root, radio.getAttribute('aria-describedby'))).to.equal('Error: Choose your bank.');
    }
    expect([...root.querySelectorAll('*')].some((n) => n.localName.includes('-')), 'no custom element inside').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('"My bank is not listed" sets outcome OMITTED, then submits', async () => {
    const { root, actions } = await renderView(sampleView('bank'));
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('My bank is not listed'))!;
    await click(button);
    expect(actions.setValue.calledOnceWith('outcome', 'OMITTED')).to.equal(true);
    expect(actions.submit.calledOnce).to.equal(true);
    expect(actions.setValue.calledBefore(actions.submit)).to.equal(true);
  });

  it('after choosing a bank: consent with links and a simulated login', async () => {
    const { el, root, actions } = await renderView(sampleView('bank', { values: { bankId: 'pl-mbank' }, fieldErrors: { consent: 'Accept to connect your bank.' } }));
    const chosen = $<HTMLInputElement>(root, 'input[type=radio][value="pl-mbank"]');
    expect(chosen.checked).to.equal(true);
    const consent = $<HTMLInputElement>(root, '[data-field-path="consent"]');
    expect(consent.labels![0].textContent).to.contain('account holder name');
    expect(textOfIds(root, consent.getAttribute('aria-describedby'))).to.contain('Accept to connect your bank.');
    expect($(root, 'a[target=_blank]').textContent).to.contain('Privacy policy');
    expect($(root, '.login legend').textContent).to.contain('Sign in to mBank (sandbox)');
    const password = $<HTMLInputElement>(root, '[data-field-path="password"]');
    expect(password.type).to.equal('password');
    expect(password.getAttribute('autocomplete')).to.equal('off');
    password.focus();
    await sendKeys({ type: 'pw' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['password', 'pw']);
    await expect(el).to.be.accessible();
  });
});

describe('review step', () => {
  it('lists every earlier step with formatted values and an Edit button', async () => {
    const { el, root, actions } = await renderView(sampleView('review'));
    const sections = [...root.querySelectorAll('.review__step')];
    expect(sections.map((s) => s.querySelector('h3')!.textContent)).to.deep.equal([
      'Personal details', 'Identity document', 'Bank account', 'Consents',
    ]);
    const text = root.querySelector('.review')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Anna');
    expect(text).to.contain('+48 600 000 000');
    expect(text).to.contain('Poland');
    expect(text).to.contain('May 17, 1990');
    expect(text).to.contain('Identity card');
    expect(text).to.contain('id-front.jpg');
    expect(text).to.contain('mBank (sandbox)');
    expect(text).to.contain('Connected');
    expect(text).to.contain('PL61 1090 1014 0000 0712 1981 2874');
    expect(text).to.contain('Yes');
    expect(text).to.contain('No');
    expect(text).to.contain('Not provided');
    const edit = [...root.querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === 'Edit Identity document')!;
    await click(edit);
    expect(actions.edit.calledOnceWith('identity-document')).to.equal(true);
    expect($(root, 'button[type=submit]').textContent!.trim()).to.equal('Submit');
    await expect(el).to.be.accessible();
  });

  it('a bank draft shows consent and user name, never the password; a skipped bank reads plainly', async () => {
    const draft = { bank: { bankId: 'pl-ing', consent: true, username: 'anna', password: 'secret-password' } };
    const { root } = await renderView(sampleView('review', { allValues: draft }));
    const text = root.querySelector('.review')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('ING Bank Śląski (sandbox)');
    expect(text).to.match(/Consent given\s*Yes/);
    expect(text).to.contain('anna');
    expect(text).to.not.contain('secret-password');
    const { root: root2 } = await renderView(sampleView('review', { allValues: { bank: { outcome: 'OMITTED' } } }));
    expect(root2.querySelector('.review')!.textContent).to.contain('Bank not listed, skipped');
  });

  it('company review: group entries and a skipped bank read plainly, in Polish', async () => {
    const { root } = await renderView(sampleView('review', { locale: 'pl' }, KYB_STEPS));
    const text = root.querySelector('.review')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Beneficial owner 1');
    expect(text).to.contain('Beneficial owner 2');
    expect(text).to.contain('Niemcy');
    expect(text).to.contain('krs-extract.pdf');
    expect($(root, 'button[type=submit]').textContent!.trim()).to.equal('Wyślij');
    expect(root.textContent).to.contain('Edytuj');
  });
});

describe('a step whose part is on its way', () => {
  it('is a busy form with a status line and no fields, then its fields once the part is here', async () => {
    const { el, root } = await renderView(sampleView('identity-document', { stepPart: 'loading' }));
    const form = $(root, 'form[data-step-id="identity-document"]');
    expect(form.getAttribute('aria-busy')).to.equal('true');
    expect($(root, '[role="status"]').textContent).to.contain('Loading your verification');
    expect(form.querySelector('[data-field-path]')).to.equal(null);
    await expect(el).to.be.accessible();
    await update(el, sampleView('identity-document', { stepPart: null }));
    expect($(root, 'form[data-step-id="identity-document"]').hasAttribute('aria-busy')).to.equal(false);
    expect(root.querySelector('[data-field-path="front"]'), 'the file field').not.to.equal(null);
  });
});
