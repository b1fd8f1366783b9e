/** Step-by-step user journeys through the demo workflows, shared by the end-to-end tests. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { accessToken, API_BASE, pngFile, widgetToken } from '../helpers/sandbox.js';
import { attach, button, choose, click, clickLabel, control, continueTo, pdfFile, shadow, type, typeDate, until } from './driver.js';

interface ClientExecution {
  status: string;
  values: Record<string, Record<string, unknown>>;
}

/** A widget on the first step of a fresh individual KYC. */
export async function startKyc(options: { ttlSeconds?: number } = {}) {
  const fixtureToken = await widgetToken(options);
  const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
  const ready = oneEvent(el, 'tl-ready');
  el.token = fixtureToken.token;
  await ready;
  await el.updateComplete;
  return { el, ...fixtureToken };
}

/** Reads the execution as the client backend sees it (`GET /workflows/{id}`). */
async function clientExecution(id: string): Promise<ClientExecution> {
  const response = await fetch(`${API_BASE}/workflows/${id}`, { headers: { Authorization: `Bearer ${await accessToken()}` } });
  return (await response.json()) as ClientExecution;
}

/** The execution's status as the client backend sees it. */
export async function executionStatus(id: string): Promise<string> {
  return (await clientExecution(id)).status;
}

/** The values saved for one step, as the client backend sees them. */
export async function savedValues(id: string, stepId: string): Promise<Record<string, unknown>> {
  return (await clientExecution(id)).values[stepId] ?? {};
}

/**
 * Fills the personal details of the individual KYC with the keyboard (the step stays on screen).
 * Fields the user already filled are left as they are.
 */
export async function fillPersonal(el: TlWorkflow): Promise<void> {
  const empty = (path: string) => !control<HTMLInputElement | HTMLSelectElement>(el, path).value;
  // Top to bottom, as a user goes (and no long scroll back up before a click).
  const typed: Array<[string, string]> = [
    ['firstName', 'Anna'],
    ['lastName', 'Nowak'],
    ['dateOfBirth', '1990-05-17'],
    ['email', 'anna@example.com'],
    ['phone', '600100200'],
    ['street', 'Marszałkowska 1'],
    ['city', 'Warszawa'],
    ['postalCode', '00-001'],
  ];
  for (const [path, text] of typed) {
    if (!empty(path)) continue;
    if (path === 'dateOfBirth') await typeDate(el, path, text);
    else await type(el, path, text);
  }
  for (const path of ['nationality', 'phone.countryCode', 'country']) await choose(el, path, 'Poland');
}

/** From the first step of a fresh individual KYC to the bank step, as a user does. */
export async function advanceToBank(el: TlWorkflow): Promise<void> {
  await fillPersonal(el);
  await continueTo(el, 'identity-document');
  await fillIdentityDocument(el);
  await continueTo(el, 'proof-of-address');
  await attach(el, 'document', pdfFile('utility-bill.pdf'));
  await continueTo(el, 'bank');
}

/** The identity document step: passport, front image. */
export async function fillIdentityDocument(el: TlWorkflow): Promise<void> {
  await clickLabel(el, 'Passport');
  await attach(el, 'front', pngFile('passport.png'));
  const preview = shadow(el).querySelector('img.file-card__preview') as HTMLImageElement;
  expect(preview, 'image preview').to.exist;
  expect(preview.alt).to.contain('passport.png');
}

/** The bank step: search, pick a bank, consent, simulated login. */
export async function fillBank(el: TlWorkflow, password = 'secret'): Promise<void> {
  const search = shadow(el).querySelector('input[type="search"]') as HTMLInputElement;
  await click(search);
  const firstBank = shadow(el).querySelector('.bank-list label')!.textContent!.trim();
  const { sendKeys } = await import('@web/test-runner-commands');
  await sendKeys({ type: firstBank.slice(0, 4) });
  await el.updateComplete;
  await until(() => shadow(el).querySelectorAll('.bank-list li').length >= 1, 'filtered banks');
  await clickLabel(el, firstBank);
  await until(() => shadow(el).querySelector('[data-field-path="consent"]'), 'consent and login');
  await click(control(el, 'consent'));
  await type(el, 'username', 'anna.nowak');
  await type(el, 'password', password);
}

/** From the identity document step of a fresh individual KYC to its review, as a user goes. */
export async function identityToReview(el: TlWorkflow): Promise<void> {
  await fillIdentityDocument(el);
  await continueTo(el, 'proof-of-address');
  await attach(el, 'document', pdfFile('utility-bill.pdf'));
  await continueTo(el, 'bank');
  await fillBank(el);
  await continueTo(el, 'consents');
  await fillConsents(el);
  await continueTo(el, 'review');
}

/** The first beneficial owner of the company KYB (owners step). */
export async function fillFirstOwner(el: TlWorkflow): Promise<void> {
  await type(el, 'owners.0.firstName', 'Jan');
  await type(el, 'owners.0.lastName', 'Kowalski');
  await typeDate(el, 'owners.0.dateOfBirth', '1975-03-02');
  await choose(el, 'owners.0.nationality', 'Poland');
  await type(el, 'owners.0.ownershipPercent', '60');
}

/** The consents step: the two required ones. */
export async function fillConsents(el: TlWorkflow): Promise<void> {
  await click(control(el, 'terms'));
  await click(control(el, 'privacy'));
  await el.updateComplete;
}

export { attach, button, continueTo, pdfFile };
