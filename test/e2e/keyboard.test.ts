import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setViewport } from '../helpers/commands.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { API_BASE, createCase, pngFile, widgetToken } from '../helpers/sandbox.js';
import { BUILD, expectBuildLoaded } from './build.js';
import { control, pdfFile, shadow, stepId, until } from './driver.js';

/**
 * The individual KYC from the first step to tl-complete with the keyboard alone: Tab, Space, Enter,
 * arrow keys and typed text (sendKeys; no mouse, no click()). Only the OS file picker's answer is
 * simulated (a file put into the focused file input), as no key can choose a file on disk.
 */

/** The focused element, through the widget's shadow root (and any inner one). */
function focused(el: TlWorkflow): HTMLElement | null {
  let active = shadow(el).activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/**
 * Focus is visible: an outline (or ring) of at least 2 px is drawn on the focused element. (A date
 * input whose calendar button has focus does not match `:focus-visible` in Chromium: it has its own rule.)
 */
function expectVisibleFocus(target: HTMLElement): void {
  const what = `${target.tagName.toLowerCase()}${target.id ? `#${target.id}` : ''}`;
  const dateInput = target instanceof HTMLInputElement && target.type === 'date';
  expect(target.matches(dateInput ? ':focus-within' : ':focus-visible'), `${what} matches :focus-visible`).to.equal(true);
  const style = getComputedStyle(target);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  expect(outline || style.boxShadow !== 'none', `${what} draws a focus indicator`).to.equal(true);
}

/** Presses Tab (Shift+Tab with `back`) until `match` holds for the focused element; focus must be visible at every stop. */
async function tabTo(el: TlWorkflow, match: (e: HTMLElement) => boolean, what: string, back = false): Promise<HTMLElement> {
  for (let i = 0; i < 40; i++) {
    await sendKeys({ press: back ? 'Shift+Tab' : 'Tab' });
    const active = focused(el);
    if (!active) continue;
    expectVisibleFocus(active);
    if (match(active)) return active;
  }
  throw new Error(`Tab never reached ${what}`);
}

const byPath = (path: string) => (e: HTMLElement) => e.getAttribute('data-field-path') === path;
const isPrimary = (e: HTMLElement) => e.hasAttribute('data-primary');

/** Enter on the primary button; waits for the next step and checks focus is on its heading, visibly. */
async function continueWithEnter(el: TlWorkflow, next: string): Promise<void> {
  await tabTo(el, isPrimary, 'the primary button');
  const change = oneEvent(el, 'tl-step-change');
  await sendKeys({ press: 'Enter' });
  expect((await change).detail.stepId).to.equal(next);
  await until(() => stepId(el) === next && focused(el)?.hasAttribute('data-step-heading'), `focus on the ${next} heading`);
  expectVisibleFocus(focused(el)!);
  await expect(el).to.be.accessible();
}

/** Types into the empty control at `path`, reached with Tab. */
async function typeInto(el: TlWorkflow, path: string, text: string): Promise<void> {
  const input = (await tabTo(el, byPath(path), path)) as HTMLInputElement;
  expect(input.value, `${path} starts empty`).to.equal('');
  await sendKeys({ type: text });
}

/** Focuses the file input at `path` with Tab, then gives it `file` as the OS picker would. */
async function pickFile(el: TlWorkflow, path: string, file: File): Promise<void> {
  const input = (await tabTo(el, byPath(path), path)) as HTMLInputElement;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => [...shadow(el).querySelectorAll('.file-card__name')].some((n) => n.textContent!.includes(file.name)) &&
    !shadow(el).querySelector('.file-card progress'), `upload of ${file.name}`);
}

describe(`<tl-workflow> with the keyboard alone [${BUILD} build]`, function () {
  expectBuildLoaded();
  before(() => setViewport({ width: 1000, height: 900 }));

  it('completes the individual KYC with Tab, Space, Enter and arrows; focus is always visible and errors are announced', async () => {
    const caseId = await createCase({ phone: { countryCode: '+48', number: '600100200' } });
    const { token } = await widgetToken({ caseId });
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE} locale="en"></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await el.updateComplete;
    // The case's name, email and phone start filled in.
    expect(control(el, 'firstName').value).to.equal('Anna');
    expect(control(el, 'phone').value).to.equal('600100200');

    // Enter on Continue with required fields empty: nothing is sent, the errors are announced.
    const error = oneEvent(el, 'tl-error');
    await tabTo(el, isPrimary, 'Continue');
    await sendKeys({ press: 'Enter' });
    expect((await error).detail.code).to.equal('validation');
    await until(() => shadow(el).querySelector('[data-error-summary]')?.textContent?.trim(), 'the error summary');
    const summary = shadow(el).querySelector('[data-error-summary]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.textContent!.trim()).to.equal('Some answers need your attention.');
    const firstInvalid = await until(() => focused(el)?.getAttribute('data-field-path') === 'dateOfBirth' && focused(el), 'focus on the first invalid field');
    const errorText = shadow(el).getElementById(firstInvalid.getAttribute('aria-describedby')!.split(' ').pop()!)!;
    expect(errorText.textContent).to.match(/Error:\s+This field is required\./);
    expectVisibleFocus(firstInvalid);

    // Still on the date field: type it. Then the selects by type-ahead, the rest by typing.
    // The date's boxes in the locale's order (en: month, day, year), Tab between them.
    for (const [index, part] of ['05', '17', '1990'].entries()) {
      if (index > 0) await sendKeys({ press: 'Tab' });
      await sendKeys({ type: part });
    }
    await tabTo(el, byPath('nationality'), 'nationality');
    await sendKeys({ type: 'Poland' });
    await typeInto(el, 'street', 'Marszałkowska 1');
    await typeInto(el, 'city', 'Warszawa');
    await typeInto(el, 'postalCode', '00-001');
    await tabTo(el, byPath('country'), 'country');
    await sendKeys({ type: 'Poland' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-error-summary]'), 'no alert once every error is fixed').to.equal(null);
    await continueWithEnter(el, 'identity-document');

    // Radio group: Tab into it, arrows to Passport.
    let radio = await tabTo(el, byPath('documentType'), 'the document type');
    for (let i = 0; i < 5 && !(radio as HTMLInputElement).labels?.[0]?.textContent?.includes('Passport'); i++) {
      await sendKeys({ press: 'ArrowDown' });
      radio = focused(el)!;
      expectVisibleFocus(radio);
    }
    if (!(radio as HTMLInputElement).checked) await sendKeys({ press: ' ' });
    expect((radio as HTMLInputElement).checked).to.equal(true);
    await pickFile(el, 'front', pngFile('passport.png'));
    await continueWithEnter(el, 'proof-of-address');

    await pickFile(el, 'document', pdfFile('utility-bill.pdf'));
    await continueWithEnter(el, 'bank');

    // Bank: type to search, Tab to the list, arrows to choose, Space to consent, then the login.
    await tabTo(el, (e) => e.getAttribute('type') === 'search', 'the bank search');
    await sendKeys({ type: 'ing' });
    const bank = (await tabTo(el, byPath('bankId'), 'the bank list')) as HTMLInputElement;
    await sendKeys({ press: ' ' });
    await until(() => bank.checked && shadow(el).querySelector('[data-field-path="consent"]'), 'bank chosen');
    await tabTo(el, byPath('consent'), 'the consent');
    await sendKeys({ press: ' ' });
    await typeInto(el, 'username', 'anna.nowak');
    await typeInto(el, 'password', 'secret');
    await continueWithEnter(el, 'consents');

    for (const path of ['terms', 'privacy']) {
      await tabTo(el, byPath(path), path);
      await sendKeys({ press: ' ' });
    }
    await continueWithEnter(el, 'review');

    const complete = oneEvent(el, 'tl-complete');
    await tabTo(el, isPrimary, 'Submit');
    await sendKeys({ press: 'Enter' });
    expect((await complete).detail.status).to.be.oneOf(['AWAITING', 'COMPLETED']);
  });
});
