/** Step-by-step user journeys through the demo workflows, shared by the end-to-end tests. */
import { expect } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { accessToken, API_BASE, pngFile } from '../helpers/sandbox.js';
import { attach, button, choose, click, clickLabel, control, continueTo, pdfFile, shadow, type, until } from './driver.js';

/** Reads the execution as the client backend sees it (`GET /workflows/{id}`). */
export async function executionStatus(id: string): Promise<string> {
  const response = await fetch(`${API_BASE}/workflows/${id}`, { headers: { Authorization: `Bearer ${await accessToken()}` } });
  return ((await response.json()) as { status: string }).status;
}

/** Fills the personal details of the individual KYC with the keyboard (the step stays on screen). */
export async function fillPersonal(el: TlWorkflow): Promise<void> {
  await type(el, 'firstName', 'Anna');
  await type(el, 'lastName', 'Nowak');
  await type(el, 'dateOfBirth', '05171990');
  await choose(el, 'nationality', 'Poland');
  await type(el, 'email', 'anna@example.com');
  await choose(el, 'phone.countryCode', 'Poland');
  await type(el, 'phone', '600100200');
  await type(el, 'street', 'Marszałkowska 1');
  await type(el, 'city', 'Warszawa');
  await type(el, 'postalCode', '00-001');
  await choose(el, 'country', 'Poland');
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

/** The consents step: the two required ones. */
export async function fillConsents(el: TlWorkflow): Promise<void> {
  await click(control(el, 'terms'));
  await click(control(el, 'privacy'));
  await el.updateComplete;
}

export { attach, button, continueTo, pdfFile };
