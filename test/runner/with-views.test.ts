import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, type TemplateResult } from 'lit';
import { emit } from '../../src/events/events.js';
import { WorkflowController } from '../../src/runner/workflow-controller.js';
import { loadedStepPart, loadStepPart } from '../../src/engines/step-parts.js';
import { renderRunner } from '../../src/views/runner-view.js';
import { runnerStyles } from '../../src/views/styles.js';
import { newIdempotencyKey, WidgetClient } from '../../src/client/widget-client.js';
import { API_BASE, PERSONAL, audit, pngFile, widgetToken } from '../helpers/sandbox.js';
import { xhrUpload } from '../../src/client/upload.js';
import type { StepPartName } from '../../src/runner/part-contract.js';
import type { LoadStepPart } from '../../src/runner/step-parts.js';
import { until } from '../helpers/until.js';
import { savedValues } from '../e2e/flows.js';

// The validation part, here before any Continue (a test of its own below has it come late).
await loadStepPart('validation');

/** The part loader of the next `RunnerViewsHost` (the real one unless a test swaps it). */
let nextLoader: LoadStepPart = loadStepPart;

/** The controller with the real step views (what `<tl-workflow>` renders), without the token lifecycle. */
class RunnerViewsHost extends LitElement {
  static override styles = [runnerStyles];
  readonly controller = new WorkflowController(this, {
    emit: (name, detail) => emit(this, name, detail),
    locale: () => 'en',
    // No token lifecycle here: a refused token is an `unauthorized` error.
    tokenRefused: () => undefined,
    loadPart: nextLoader,
    // The validation part is on the page (loaded above); a test whose loader holds it back sees it come late.
    loadedPart: nextLoader === loadStepPart ? loadedStepPart : undefined,
  });

  override render(): TemplateResult {
    return renderRunner(this.controller.view, this.controller.actions);
  }
}
if (!customElements.get('runner-views-host')) customElements.define('runner-views-host', RunnerViewsHost);

/** A `RunnerViewsHost` given `token`, once its first screen is drawn (`tl-ready`). */
async function mounted(token: string): Promise<RunnerViewsHost> {
  const el = await fixture<RunnerViewsHost>(html`<runner-views-host></runner-views-host>`);
  const ready = oneEvent(el, 'tl-ready');
  el.controller.setToken(token, API_BASE);
  await ready;
  await el.updateComplete;
  return el;
}

describe('WorkflowController with the real views', () => {
  it('submitting an empty step focuses the first invalid control; a valid one moves focus to the next heading', async () => {
    const fixtureToken = await widgetToken();
    const el = await mounted(fixtureToken.token);
    const root = el.shadowRoot!;
    // The first name comes prefilled from the case; the user cleared it.
    el.controller.actions.setValue('firstName', '');
    await el.updateComplete;
    const submit = root.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(root.activeElement?.getAttribute('data-field-path')).to.equal('firstName');
    expect((await audit(fixtureToken.executionId)).saves).to.deep.equal({});

    await sendKeys({ type: 'Anna' });
    const { actions } = el.controller;
    for (const [path, value] of Object.entries({
      lastName: 'Nowak', dateOfBirth: '1990-05-17', nationality: 'PL', email: 'anna@example.com',
      phone: { countryCode: '+48', number: '600100200' }, street: 'Marszałkowska 1', city: 'Warszawa', postalCode: '00-001', country: 'PL',
    })) {
      actions.setValue(path, value);
    }
    expect(el.controller.view.values.firstName).to.equal('Anna');
    const change = oneEvent(el, 'tl-step-change');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await change;
    await el.updateComplete;
    const heading = root.activeElement as HTMLElement;
    expect(heading.hasAttribute('data-step-heading')).to.equal(true);
    expect(heading.textContent).to.contain(el.controller.view.step!.title);
    await expect(el).to.be.accessible();
  });
});

/**
 * A part loader whose `validation` part comes only when the test says so (`arrive`), or fails
 * (`fail`); the other parts load as they do in the widget. `asked` counts the asks for it.
 */
function heldValidation() {
  const held = { asked: 0, arrive: (): Promise<void> => Promise.resolve(), fail: () => {} };
  const loader: LoadStepPart = (name: StepPartName) => {
    if (name !== 'validation') return loadStepPart(name);
    held.asked++;
    return new Promise((resolve, reject) => {
      held.arrive = () => loadStepPart('validation').then(resolve, reject);
      held.fail = () => reject(new Error('tl-workflow.validation.js: 503'));
    });
  };
  return { held, loader };
}

describe('WorkflowController: Continue before the validation part has come', () => {
  afterEach(() => {
    nextLoader = loadStepPart;
  });

  async function openWith(loader: LoadStepPart) {
    nextLoader = loader;
    const fixtureToken = await widgetToken();
    const el = await mounted(fixtureToken.token);
    for (const [path, value] of Object.entries(PERSONAL)) el.controller.actions.setValue(path, value);
    await el.updateComplete;
    return { el, root: el.shadowRoot!, executionId: fixtureToken.executionId };
  }

  it('is sent once the part comes, once, with the answers as they are then', async () => {
    const { held, loader } = heldValidation();
    const { el, root, executionId } = await openWith(loader);
    expect(held.asked, 'fetched ahead once the first step is on screen').to.equal(1);
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(el.controller.view.step!.id, 'still on the first step').to.equal('personal');
    expect((await audit(executionId)).saves, 'nothing sent before the check').to.deep.equal({});
    el.controller.actions.setValue('city', 'Kraków');
    const change = oneEvent(el, 'tl-step-change');
    held.arrive();
    await change;
    expect(el.controller.view.step!.id).to.equal('identity-document');
    expect((await audit(executionId)).saves, 'sent once, for two presses').to.deep.equal({ personal: 1 });
    expect(held.asked).to.equal(1);
    expect(await savedValues(executionId, 'personal'), 'the answers as they were when it came').to.deep.include({ city: 'Kraków' });
  });

  it('checks the answers once it comes: errors on screen, nothing sent', async () => {
    const { held, loader } = heldValidation();
    const { el, root, executionId } = await openWith(loader);
    el.controller.actions.setValue('email', 'not an email');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const error = oneEvent(el, 'tl-error');
    held.arrive();
    expect((await error).detail.code).to.equal('validation');
    await until(() => root.activeElement?.getAttribute('data-field-path') === 'email', 'focus on the invalid email');
    expect(el.controller.view.fieldErrors).to.have.property('email');
    expect((await audit(executionId)).saves).to.deep.equal({});
  });

  it('a part that cannot be loaded: the network error with Try again, the answers kept; Try again fetches it and sends the step', async () => {
    const { held, loader } = heldValidation();
    const { el, root, executionId } = await openWith(loader);
    // Fetched ahead, it fails silently: no Continue was pressed yet.
    held.fail();
    await el.updateComplete;
    expect(el.controller.view.banner).to.equal(null);
    const error = oneEvent(el, 'tl-error');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await error;
    expect(detail).to.deep.include({ code: 'network', recoverable: true });
    expect(detail.message).to.contain('tl-workflow.validation.js');
    await el.updateComplete;
    const retry = [...root.querySelectorAll<HTMLButtonElement>('[part~="banner"] button')].find((b) => b.textContent!.includes('Try again'));
    expect(retry, 'Try again in the banner').to.exist;
    expect(el.controller.view.values.firstName, 'the answers kept').to.equal(PERSONAL.firstName);
    expect(held.asked).to.equal(1);
    const change = oneEvent(el, 'tl-step-change');
    retry!.click();
    expect(held.asked, 'Try again fetches it again').to.equal(2);
    held.arrive();
    await change;
    expect(el.controller.view.step!.id).to.equal('identity-document');
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
    await expect(el).to.be.accessible();
  });

  it('is not sent when the user went back before it came', async () => {
    const token = await widgetToken();
    await new WidgetClient({ apiBase: API_BASE, token: token.token }).saveStep('personal', PERSONAL, newIdempotencyKey());
    const { held, loader } = heldValidation();
    nextLoader = loader;
    const el = await mounted(token.token);
    expect(el.controller.view.step!.id).to.equal('identity-document');
    el.controller.actions.submit();
    const back = oneEvent(el, 'tl-step-change');
    el.controller.actions.back();
    await back;
    expect(el.controller.view.step!.id).to.equal('personal');
    // Once it has come (the runner has acted on it and drawn again), nothing was sent.
    await held.arrive();
    await el.updateComplete;
    expect(held.asked).to.equal(1);
    expect(el.controller.view.step!.id, 'still where the user went').to.equal('personal');
    expect((await audit(token.executionId)).saves).to.deep.equal({ personal: 1 });
  });
});

describe('WorkflowController: parts fetched ahead', () => {
  afterEach(() => {
    nextLoader = loadStepPart;
  });

  it('a part for a later step redraws nothing when it comes, and one that fails says nothing until a step needs it', async () => {
    const arrivals = new Map<StepPartName, { arrive: () => Promise<void>; fail: () => void }>();
    nextLoader = (name) =>
      name === 'validation'
        ? loadStepPart(name)
        : new Promise((resolve, reject) => {
            arrivals.set(name, { arrive: () => loadStepPart(name).then(resolve, reject), fail: () => reject(new Error(`tl-workflow.${name}.js: 503`)) });
          });
    const el = await mounted((await widgetToken()).token);
    expect([...arrivals.keys()], 'fetched ahead once the first step is on screen').to.include.members(['upload', 'review']);
    let renders = 0;
    const render = el.render.bind(el);
    el.render = () => {
      renders++;
      return render();
    };
    await arrivals.get('review')!.arrive();
    arrivals.get('upload')!.fail();
    // The parts' outcomes have been handled (a task later) and any update they asked for has run.
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(renders, 'no redraw of the first step').to.equal(0);
    expect(el.shadowRoot!.querySelector('[part="banner"]'), 'no error for a part no step on screen needs').to.equal(null);
    expect(el.controller.view.step!.id).to.equal('personal');
  });
});

describe('the bank step with the real runner', () => {
  it('the search text lives in the runner: typing filters the list, and it survives a re-render', async () => {
    const fixtureToken = await widgetToken();
    // The steps before the bank step, saved beforehand: the runner opens on the bank step.
    const client = new WidgetClient({ apiBase: API_BASE, token: fixtureToken.token });
    await client.saveStep('personal', PERSONAL, newIdempotencyKey());
    const front = await client.upload('identity-document', 'front', pngFile(), xhrUpload);
    await client.saveStep('identity-document', { documentType: 'passport', front }, newIdempotencyKey());
    const document = await client.upload('proof-of-address', 'document', pngFile('bill.png'), xhrUpload);
    await client.saveStep('proof-of-address', { document }, newIdempotencyKey());
    const el = await mounted(fixtureToken.token);
    expect(el.controller.view.step?.type).to.equal('bank');
    const root = el.shadowRoot!;
    const search = root.querySelector<HTMLInputElement>('input[type=search]')!;
    const all = root.querySelectorAll('input[type=radio]').length;
    expect(all).to.be.greaterThan(1);
    search.focus();
    await sendKeys({ type: 'mbank' });
    await el.updateComplete;
    expect(el.controller.view.bankQuery).to.equal('mbank');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.labels![0].textContent)).to.deep.equal(['mBank (sandbox)']);
    el.requestUpdate();
    await el.updateComplete;
    expect(search.value, 'the text stays').to.equal('mbank');
    expect(root.querySelector('[role=status]')!.textContent).to.contain('1 bank found');
  });
});
