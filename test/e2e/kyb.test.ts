import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import type { TlStepChangeDetail } from '../../src/events/events.js';
import { setViewport } from '../helpers/commands.js';
import { BUILD, expectBuildLoaded } from './build.js';
import { API_BASE, WORKFLOWS, widgetToken } from '../helpers/sandbox.js';
import { button, click, control, shadow, type, until } from './driver.js';
import { attach, continueTo, executionStatus, fillFirstOwner, pdfFile } from './flows.js';

describe(`<tl-workflow> end to end: company KYB against the sandbox [${BUILD} build]`, function () {
  expectBuildLoaded();
  before(() => setViewport({ width: 1000, height: 900 }));

  it('lookup pre-fills the company, owners are added and removed, submission awaits checks then completes', async () => {
    const { token, executionId } = await widgetToken({ workflowDefinitionId: WORKFLOWS.companyKyb });
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const steps: TlStepChangeDetail[] = [];
    const completes: Array<{ status: string }> = [];
    el.addEventListener('tl-step-change', (e) => steps.push(e.detail));
    el.addEventListener('tl-complete', (e) => completes.push(e.detail));
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await el.updateComplete;
    await expect(el).to.be.accessible();

    // Registry lookup: type the number, press Enter, the company is announced.
    await type(el, 'registryNumber', '0000123456');
    await sendKeys({ press: 'Enter' });
    const status = await until(() => {
      const text = shadow(el).querySelector('.registry-status')?.textContent ?? '';
      return text.includes('Acme') ? text : null;
    }, 'the company found');
    expect(status).to.contain('Acme Sp. z o.o.');
    await expect(el).to.be.accessible();
    await continueTo(el, 'company');

    // The company form arrives pre-filled from the registry.
    expect(control(el, 'companyName').value).to.equal('Acme Sp. z o.o.');
    expect(control(el, 'city').value).to.equal('Warszawa');
    expect(control<HTMLSelectElement>(el, 'country').value).to.equal('PL');
    await expect(el).to.be.accessible();
    await continueTo(el, 'owners');

    // Beneficial owners: fill the first, add a second, remove it again.
    await fillFirstOwner(el);
    await click(button(el, /^Add/));
    await until(() => shadow(el).querySelector('[data-field-path="owners.1.firstName"]'), 'a second owner');
    await until(
      () => shadow(el).activeElement?.getAttribute('data-field-path') === 'owners.1.firstName',
      'focus in the new entry (it moves in the frame after the entry renders)',
    );
    await expect(el).to.be.accessible();
    await click(button(el, /^Remove.*2/));
    await until(() => !shadow(el).querySelector('[data-field-path="owners.1.firstName"]'), 'the second owner removed');
    expect(control(el, 'owners.0.firstName').value, 'the first owner kept').to.equal('Jan');
    await continueTo(el, 'documents');

    await attach(el, 'registryExtract', pdfFile('krs-extract.pdf'));
    await expect(el).to.be.accessible();
    await continueTo(el, 'consents');

    for (const name of ['terms', 'privacy', 'authorised']) await click(control(el, name));
    await continueTo(el, 'review');
    const review = shadow(el).textContent!;
    for (const shown of ['Acme Sp. z o.o.', 'Jan', 'Kowalski', 'krs-extract.pdf']) expect(review, shown).to.contain(shown);
    await expect(el).to.be.accessible();

    const complete = oneEvent(el, 'tl-complete');
    await click(shadow(el).querySelector('[data-primary]')!);
    expect((await complete).detail).to.deep.equal({ workflowId: executionId, status: 'AWAITING' });
    await el.updateComplete;
    expect(el.state).to.equal('complete');
    expect(shadow(el).textContent).to.match(/checks/i);
    await expect(el).to.be.accessible();
    expect(await executionStatus(executionId)).to.equal('AWAITING');

    // Background checks finish on the sandbox (AWAITING_SECONDS); the widget notices by itself.
    await until(() => el.shadowRoot!.querySelector('.screen--complete'), 'the completed screen');
    expect(await executionStatus(executionId)).to.equal('COMPLETED');
    expect(completes, 'tl-complete fired once').to.have.length(1);
    expect(steps.map((s) => s.stepId)).to.deep.equal(['company', 'owners', 'documents', 'consents', 'review']);
    expect(steps.every((s) => s.total === 6 && s.workflowId === executionId)).to.equal(true);
  });
});
