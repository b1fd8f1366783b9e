/**
 * The journey of `tl-workflow-sandbox/playwright` (sandbox/playwright/journey.ts and plan.ts: what
 * is on screen, what a user does next) run by the browser suite, so that it runs in Chromium,
 * Firefox and WebKit, where Playwright's own Firefox and WebKit cannot be installed. Only the
 * hands differ: real keys and mouse clicks through the test runner (sendKeys, sendMouse) instead of
 * Playwright's; a chosen file goes into the file input as the browser's picker would put it.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { runJourney, type JourneyDriver } from '../../sandbox/playwright/journey.js';
import { inspectWorkflow, type JourneyAction } from '../../sandbox/playwright/plan.js';
import { savedValues } from '../e2e/flows.js';
import { click } from '../helpers/mouse.js';
import { API_BASE, pngFile, widgetToken } from '../helpers/sandbox.js';
import { until } from '../helpers/until.js';
import { framedWorkflow, REPLICA_SRC } from '../official/replica.js';

/** The journey's hands in the browser suite, on the `<tl-workflow>` `el` (on the page, or inside the replica's frame). */
function browserDriver(el: TlWorkflow): JourneyDriver {
  const doc = el.ownerDocument;
  const find = (selector: string) => {
    const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
    if (!found) throw new Error(`nothing matches ${selector}`);
    return found;
  };
  return {
    inspect: async (answers, defaults) => inspectWorkflow({ selector: 'tl-workflow', answers, defaults }, doc),
    async act(action: JourneyAction) {
      const target = find(action.selector);
      if (action.kind === 'fill') {
        const input = target as HTMLInputElement;
        await click(input);
        await until(() => (input.getRootNode() as ShadowRoot).activeElement === input, `focus in ${action.path}`);
        input.select();
        await sendKeys({ type: action.value });
        await until(() => input.value === action.value, () => `"${action.value}" in ${action.path} (it shows "${input.value}")`);
      } else if (action.kind === 'select') {
        const select = target as HTMLSelectElement;
        select.focus();
        await sendKeys({ type: action.label });
        await until(() => select.value === action.value, () => `${action.label} chosen in ${action.path} (it shows ${select.value})`);
      } else if (action.kind === 'file') {
        const input = target as HTMLInputElement;
        const transfer = new DataTransfer();
        const file = action.mimeType === 'application/pdf' ? new File(['%PDF-1.4\n%%EOF\n'], action.name, { type: action.mimeType }) : pngFile(action.name);
        transfer.items.add(file);
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        // Checkboxes, radio buttons and buttons: a click; a visually hidden radio through its label.
        const label = target.getBoundingClientRect().width < 2 && target.id ? el.shadowRoot!.querySelector<HTMLElement>(`label[for="${target.id}"]`) : null;
        await click(label ?? target);
      }
    },
    press: (selector) => click(find(selector)),
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

describe('the sandbox package\'s journey (completeWorkflow\'s logic) in this browser', function () {
  this.timeout(180_000);

  it('completes the individual KYC inside the replica\'s frame (official engine): the page gets tl-complete', async () => {
    const { token, executionId } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src=${REPLICA_SRC}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    const complete = oneEvent(el, 'tl-complete');
    const result = await runJourney(browserDriver(await framedWorkflow(el)));
    expect(result).to.deep.equal({ steps: ['personal', 'identity-document', 'proof-of-address', 'bank', 'consents', 'review'], screen: 'complete' });
    expect((await complete).detail).to.deep.equal({ workflowId: executionId, status: 'COMPLETED' });
  });

  it('gives the chosen answers on the page (native engine), and reports a refusal with the errors shown', async () => {
    const { token, executionId } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    const driver = browserDriver(el);
    const refused = await runJourney(driver, { answers: { postalCode: '!' } }).catch((error: Error) => error);
    expect(refused).to.have.property('name', 'WorkflowRefusedError');
    expect((refused as unknown as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).to.deep.equal(['postalCode']);
    const stopped = await runJourney(driver, { answers: { lastName: 'Kowalska', postalCode: '31-001' }, stopAt: 'proof-of-address' });
    expect(stopped).to.deep.equal({ steps: ['personal', 'identity-document'], screen: 'proof-of-address' });
    const personal = await savedValues(executionId, 'personal');
    expect(personal).to.include({ lastName: 'Kowalska', postalCode: '31-001', firstName: 'Anna' });
    expect(await savedValues(executionId, 'identity-document')).to.have.property('documentType', 'passport');
  });
});
