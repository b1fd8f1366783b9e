import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { until } from '../helpers/until.js';
import { WidgetClient } from '../../src/client/widget-client.js';
import { API_BASE, WORKFLOWS, audit, individualToReview, widgetToken } from '../helpers/sandbox.js';
import './runner-host.js';
import type { RunnerTestHost } from './runner-host.js';

async function started(token: string): Promise<RunnerTestHost> {
  const el = await fixture<RunnerTestHost>(html`<runner-test-host></runner-test-host>`);
  const ready = oneEvent(el, 'tl-ready');
  el.controller.setToken(token, API_BASE);
  await ready;
  return el;
}

describe('WorkflowController: registry lookup and review', () => {
  it('finds a company and pre-fills the lookup step and the step it prefills', async () => {
    const { token } = await widgetToken({ workflowDefinitionId: WORKFLOWS.companyKyb });
    const el = await started(token);
    const c = el.controller;
    expect(c.view.step?.type).to.equal('registry-lookup');
    c.actions.lookupRegistry(' 0000123456 ');
    expect(c.view.registry.status).to.equal('searching');
    await until(() => c.view.registry.status === 'found', 'not found');
    expect(c.view.registry.record?.companyName).to.equal('Acme Sp. z o.o.');
    expect(c.view.values.registryNumber).to.equal('0000123456');
    expect(c.view.allValues.company).to.include({ companyName: 'Acme Sp. z o.o.', legalForm: 'LLC', city: 'Warszawa' });
    const change = oneEvent(el, 'tl-step-change');
    c.actions.submit();
    expect((await change).detail.stepId).to.equal('company');
    expect(c.view.values.companyName).to.equal('Acme Sp. z o.o.');
  });

  it('says not-found for an unknown number, without a tl-error', async () => {
    const { token } = await widgetToken({ workflowDefinitionId: WORKFLOWS.companyKyb });
    const el = await started(token);
    el.controller.actions.lookupRegistry('0000000000');
    await until(() => el.controller.view.registry.status === 'not-found', 'no answer');
    expect(el.names).to.deep.equal(['tl-ready']);
  });

  it('edits an earlier step from review and comes back to review after saving it', async () => {
    const fixtureToken = await widgetToken();
    await individualToReview(new WidgetClient({ apiBase: API_BASE, token: fixtureToken.token }));
    const el = await started(fixtureToken.token);
    const c = el.controller;
    expect(c.view.step?.id).to.equal('review');
    expect(c.view.allValues.personal!.firstName).to.equal('Anna');
    const toPersonal = oneEvent(el, 'tl-step-change');
    c.actions.edit('personal');
    expect((await toPersonal).detail).to.include({ stepId: 'personal', index: 0 });
    expect(c.view.execution?.currentStepId).to.equal('review');
    c.actions.setValue('firstName', 'Anne');
    const toReview = oneEvent(el, 'tl-step-change');
    c.actions.submit();
    expect((await toReview).detail.stepId).to.equal('review');
    expect(c.view.allValues.personal!.firstName).to.equal('Anne');
    expect((await audit(fixtureToken.executionId)).saves.personal).to.equal(2);
  });

  it('moving the host in the page keeps state and events, and does not fire tl-ready again', async () => {
    const { token } = await widgetToken();
    const el = await started(token);
    el.controller.actions.setValue('firstName', 'Anna');
    const parent = el.parentElement!;
    const before = el.controller.execution;
    el.remove();
    parent.append(el);
    // First the positive signal: back in the page, the host re-read the execution and rendered it.
    await until(() => el.controller.execution !== before, 'the execution read again after the move');
    await el.updateComplete;
    expect(el.controller.view.values.firstName).to.equal('Anna');
    expect(el.controller.phase).to.equal('running');
    expect(el.names).to.deep.equal(['tl-ready']);
  });
});
