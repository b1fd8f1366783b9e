import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, type TemplateResult } from 'lit';
import { emit } from '../../src/events/events.js';
import { WorkflowController } from '../../src/runner/workflow-controller.js';
import { loadStepPart } from '../../src/engines/step-parts.js';
import { renderRunner } from '../../src/views/runner-view.js';
import { runnerStyles } from '../../src/views/styles.js';
import { newIdempotencyKey, WidgetClient } from '../../src/client/widget-client.js';
import { API_BASE, PERSONAL, audit, pngFile, widgetToken } from '../helpers/sandbox.js';
import { xhrUpload } from '../../src/client/upload.js';

/** The controller with the real step views (what `<tl-workflow>` renders), without the token lifecycle. */
class RunnerViewsHost extends LitElement {
  static override styles = [runnerStyles];
  readonly controller = new WorkflowController(this, {
    emit: (name, detail) => emit(this, name, detail),
    locale: () => 'en',
    // No token lifecycle here: a refused token is an `unauthorized` error.
    tokenRefused: () => undefined,
    loadPart: loadStepPart,
  });

  override render(): TemplateResult {
    return renderRunner(this.controller.view, this.controller.actions);
  }
}
if (!customElements.get('runner-views-host')) customElements.define('runner-views-host', RunnerViewsHost);

describe('WorkflowController with the real views', () => {
  it('submitting an empty step focuses the first invalid control; a valid one moves focus to the next heading', async () => {
    const fixtureToken = await widgetToken();
    const el = await fixture<RunnerViewsHost>(html`<runner-views-host></runner-views-host>`);
    const ready = oneEvent(el, 'tl-ready');
    el.controller.setToken(fixtureToken.token, API_BASE);
    await ready;
    await el.updateComplete;
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
    const el = await fixture<RunnerViewsHost>(html`<runner-views-host></runner-views-host>`);
    const ready = oneEvent(el, 'tl-ready');
    el.controller.setToken(fixtureToken.token, API_BASE);
    await ready;
    expect(el.controller.view.step?.type).to.equal('bank');
    await el.updateComplete;
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
