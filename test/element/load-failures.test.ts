/**
 * Loading the execution fails, whatever the shape of the answer to `GET /widget/execution`: the
 * element never stays on "Loading your verification...": it ends on the error screen with its
 * "Try again", fires one `tl-error` and no `tl-ready`, and "Try again" then loads the workflow.
 * The answers come from the real fault proxy in front of the sandbox (test/faults/proxy.ts).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import type { TlErrorDetail } from '../../src/events/events.js';
import { endScreen, findButton, stepOnScreen, until } from '../faults/driver.js';
import { useFaultProxy } from '../faults/proxy-client.js';
import { widgetToken } from '../helpers/sandbox.js';

/** An error body as TransactionLink shapes it, with each entry's `field` (raw text: `__proto__` stays an own key). */
function errorBody(fields: Array<string | undefined>): string {
  const entries = fields.map((field, i) => {
    const named = field === undefined ? '' : `,"field":${JSON.stringify(field)}`;
    return `{"code":"invalid-request","message":"Refused field ${i}."${named}}`;
  });
  return `{"fingerprint":"load-failure","errors":[${entries.join(',')}]}`;
}

/**
 * The answers to the first load, by what they are, and the `tl-error` code each is: a refusal of
 * values (400, 422) belongs to a save, so to a load it is an answer the widget cannot use.
 */
const ANSWERS: Array<{ name: string; status: number; raw: string; code: string }> = [
  { name: '400 with errors[].field', status: 400, raw: errorBody(['firstName']), code: 'unexpected' },
  { name: '422 with errors[].field', status: 422, raw: errorBody(['firstName']), code: 'unexpected' },
  { name: '400 with the field __proto__', status: 400, raw: errorBody(['__proto__']), code: 'unexpected' },
  { name: '422 with the field __proto__', status: 422, raw: errorBody(['__proto__']), code: 'unexpected' },
  { name: '422 with the fields __proto__ and constructor', status: 422, raw: errorBody(['__proto__', 'constructor']), code: 'unexpected' },
  { name: '422 with a dotted field path', status: 422, raw: errorBody(['owners.0.firstName']), code: 'unexpected' },
  { name: '422 without a field', status: 422, raw: errorBody([undefined]), code: 'unexpected' },
  { name: '400 without a body', status: 400, raw: '', code: 'unexpected' },
  { name: '403 with errors[].field', status: 403, raw: errorBody(['token']), code: 'unauthorized' },
  { name: '404 with errors[].field', status: 404, raw: errorBody(['executionId']), code: 'not-found' },
  { name: '409 with errors[].field', status: 409, raw: errorBody(['currentStepId']), code: 'conflict' },
  { name: '410 with errors[].field', status: 410, raw: errorBody(['id']), code: 'conflict' },
  { name: '418, not JSON', status: 418, raw: 'short and stout', code: 'unexpected' },
];

describe('<tl-workflow> a failed first load always ends on the error screen', () => {
  const proxy = useFaultProxy();

  for (const { name, status, raw, code } of ANSWERS) {
    it(`${name}: the error screen with Try again, one tl-error, no tl-ready; Try again loads the workflow`, async () => {
      const { token } = await widgetToken();
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${proxy().apiBase} locale="en"></tl-workflow>`);
      const errors: TlErrorDetail[] = [];
      const ready: string[] = [];
      el.addEventListener('tl-error', (e) => errors.push(e.detail));
      el.addEventListener('tl-ready', (e) => ready.push(e.detail.workflowId));
      await proxy().add({ fault: 'status', method: 'GET', pathContains: '/widget/execution', status, raw });
      el.token = token;

      await until(() => endScreen(el) === 'error', `the error screen (showing: ${el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim().slice(0, 80)})`);
      const { applied } = await proxy().log();
      expect(applied.map((a) => `${a.fault} ${a.method}`)).to.deep.equal(['status GET'], 'the fault answered the load');
      expect(el.state).to.equal('error');
      expect(stepOnScreen(el)).to.equal(null);
      expect(el.shadowRoot!.textContent).to.not.include('Loading your verification');
      expect(errors).to.have.length(1);
      expect(errors[0]!.code).to.equal(code);
      expect(errors[0]!.message).to.be.a('string').and.not.equal('');
      expect(ready).to.deep.equal([]);
      // The failure is announced: the error screen's message is an alert.
      expect(el.shadowRoot!.querySelector('.screen--error [role="alert"]')).to.not.equal(null);
      await expect(el).to.be.accessible();

      const loaded = oneEvent(el, 'tl-ready');
      findButton(el, 'Try again')!.click();
      await loaded;
      expect(stepOnScreen(el)).to.equal('personal');
      expect(errors).to.have.length(1, 'no further tl-error');
    });
  }
});
