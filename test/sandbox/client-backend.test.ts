import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { accessToken, callJson, DEMO, executionIdOf, PERSONAL, save, startSandbox, widgetToken } from './helpers.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('client backend: definitions and cases', () => {
  it('lists the demo workflow definitions with stable ids', async () => {
    const sandbox = await startSandbox();
    const { status, body } = await callJson(sandbox, '/workflow-definitions', { token: await accessToken(sandbox) });
    assert.equal(status, 200);
    assert.deepEqual(
      body.map((d: { id: string; name: string }) => [d.id, d.name]),
      [
        [DEMO.individualKycId, 'Individual KYC'],
        [DEMO.companyKybId, 'Company KYB'],
      ],
    );
    assert.ok(body.every((d: { description: string }) => d.description.length > 0));
  });

  it('creates a case (201) and names the missing field (400)', async () => {
    const sandbox = await startSandbox();
    const token = await accessToken(sandbox);
    const created = await callJson(sandbox, '/cases', { method: 'POST', token, body: { firstName: 'Ewa', lastName: 'Lis', email: 'ewa@example.com' } });
    assert.equal(created.status, 201);
    assert.match(created.body.caseId, /^[0-9a-f-]{36}$/);
    assert.match(created.body.partyId, /^[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(created.body.createdDate)));
    const missing = await callJson(sandbox, '/cases', { method: 'POST', token, body: { firstName: 'Ewa' } });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.errors[0].field, 'lastName');
    const email = await callJson(sandbox, '/cases', { method: 'POST', token, body: { firstName: 'Ewa', lastName: 'Lis', email: 'nope' } });
    assert.equal(email.body.errors[0].field, 'email');
    const phone = await callJson(sandbox, '/cases', { method: 'POST', token, body: { firstName: 'Ewa', lastName: 'Lis', phone: '600' } });
    assert.equal(phone.body.errors[0].field, 'phone');
    const withPhone = await callJson(sandbox, '/cases', {
      method: 'POST', token, body: { firstName: 'Ewa', lastName: 'Lis', personalNumber: '90051712345', phone: { countryCode: '+48', number: '600123456' } },
    });
    assert.equal(withPhone.status, 201);
    const company = await callJson(sandbox, '/cases', { method: 'POST', token, body: { companyName: 'Acme' } });
    assert.equal(company.status, 201);
    const notObject = await callJson(sandbox, '/cases', { method: 'POST', token, body: '[1]', headers: { 'content-type': 'application/json' } });
    assert.equal(notObject.status, 400);
  });
});

describe('client backend: POST /token', () => {
  it('answers 400 naming the invalid field', async () => {
    const sandbox = await startSandbox();
    const token = await accessToken(sandbox);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ workflowDefinitionId: DEMO.individualKycId }, 'caseId'],
      [{ caseId: 'not-a-uuid', workflowDefinitionId: DEMO.individualKycId }, 'caseId'],
      [{ caseId: DEMO.caseId }, 'workflowDefinitionId'],
      [{ caseId: DEMO.caseId, workflowDefinitionId: 42 }, 'workflowDefinitionId'],
      [{ caseId: DEMO.caseId, workflowDefinitionId: DEMO.individualKycId, ttlSeconds: 0 }, 'ttlSeconds'],
      [{ caseId: DEMO.caseId, workflowDefinitionId: DEMO.individualKycId, ttlSeconds: 2592001 }, 'ttlSeconds'],
      [{ caseId: DEMO.caseId, workflowDefinitionId: DEMO.individualKycId, lang: '!!' }, 'lang'],
    ];
    for (const [body, field] of cases) {
      const answer = await callJson(sandbox, '/token', { method: 'POST', token, body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.errors[0].field, field, JSON.stringify(body));
    }
    const bad = await callJson(sandbox, '/token', { method: 'POST', token, body: 'nope', headers: { 'content-type': 'application/json' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].code, 'invalid-json');
  });

  it("starts the execution with the case's person data saved in the matching fields", async () => {
    const sandbox = await startSandbox();
    const token = await accessToken(sandbox);
    const phone = { countryCode: '+48', number: '600100200' };
    const created = await callJson(sandbox, '/cases', {
      method: 'POST', token, body: { firstName: 'Anna', lastName: 'Kowalska', email: 'anna@example.com', phone },
    });
    const widget = await widgetToken(sandbox, { caseId: created.body.caseId, workflowDefinitionId: DEMO.individualKycId });
    const execution = await callJson(sandbox, '/widget/execution', { token: widget });
    assert.deepEqual(execution.body.values, {
      personal: { firstName: 'Anna', lastName: 'Kowalska', email: 'anna@example.com', phone },
    });
    // Prefilled, not done: the user still confirms (and may change) them on the first step.
    assert.equal(execution.body.currentStepId, 'personal');
    const company = await callJson(sandbox, '/cases', { method: 'POST', token, body: { companyName: 'Acme Sp. z o.o.' } });
    const kyb = await widgetToken(sandbox, { caseId: company.body.caseId, workflowDefinitionId: DEMO.companyKybId });
    const kybExecution = await callJson(sandbox, '/widget/execution', { token: kyb });
    const companyValues = Object.values(kybExecution.body.values as Record<string, Record<string, unknown>>);
    assert.ok(companyValues.some((v) => v.companyName === 'Acme Sp. z o.o.'), JSON.stringify(kybExecution.body.values));
  });

  it('answers 404 for an unknown case or workflow definition', async () => {
    const sandbox = await startSandbox();
    const token = await accessToken(sandbox);
    const unknownCase = await callJson(sandbox, '/token', {
      method: 'POST', token, body: { caseId: '00000000-0000-4000-8000-000000000000', workflowDefinitionId: DEMO.individualKycId },
    });
    assert.equal(unknownCase.status, 404);
    assert.equal(unknownCase.body.errors[0].field, 'caseId');
    const unknownDefinition = await callJson(sandbox, '/token', { method: 'POST', token, body: { caseId: DEMO.caseId, workflowDefinitionId: 'nope' } });
    assert.equal(unknownDefinition.status, 404);
    assert.equal(unknownDefinition.body.errors[0].field, 'workflowDefinitionId');
  });

  it('returns 201 {token, expiryDuration, tokenType}', async () => {
    const sandbox = await startSandbox();
    const { status, body } = await callJson(sandbox, '/token', {
      method: 'POST', token: await accessToken(sandbox), body: { caseId: DEMO.caseId, workflowDefinitionId: DEMO.individualKycId, parametersId: 'p-1' },
    });
    assert.equal(status, 201);
    assert.deepEqual(Object.keys(body).sort(), ['expiryDuration', 'token', 'tokenType']);
    assert.equal(body.expiryDuration, 3600);
    assert.equal(body.tokenType, 'Bearer');
  });

  it('resumes the RUNNING execution for the same case and definition, and starts anew once it is over', async () => {
    const sandbox = await startSandbox();
    const first = await widgetToken(sandbox);
    assert.equal((await save(sandbox, first, 'personal', PERSONAL)).status, 200);
    const second = await widgetToken(sandbox, { lang: 'pl' });
    assert.notEqual(second, first);
    assert.notEqual(decodeJwt(second).jti, decodeJwt(first).jti);
    assert.equal(executionIdOf(second), executionIdOf(first));
    const resumed = await callJson(sandbox, '/widget/execution', { token: second });
    assert.equal(resumed.body.currentStepId, 'identity-document');
    assert.deepEqual(resumed.body.values.personal, PERSONAL);
    assert.equal(resumed.body.locale, 'pl');

    const kyb = await widgetToken(sandbox, { workflowDefinitionId: DEMO.companyKybId });
    assert.notEqual(executionIdOf(kyb), executionIdOf(first), 'another definition, another execution');

    await callJson(sandbox, '/widget/execution/cancel', { method: 'POST', token: second });
    const third = await widgetToken(sandbox);
    assert.notEqual(executionIdOf(third), executionIdOf(first));
    const fresh = await callJson(sandbox, '/widget/execution', { token: third });
    assert.equal(fresh.body.status, 'RUNNING');
    assert.equal(fresh.body.currentStepId, 'personal');
    const old = await callJson(sandbox, '/widget/execution', { token: first });
    assert.equal(old.body.status, 'CANCELLED');
  });

  it('v2 (Accept version=2) takes an optional recordId', async () => {
    const sandbox = await startSandbox();
    const token = await accessToken(sandbox);
    const headers = { accept: 'application/json;version=2' };
    const withRecord = await callJson(sandbox, '/token', { method: 'POST', token, headers, body: { recordId: DEMO.caseId, workflowDefinitionId: DEMO.companyKybId } });
    assert.equal(withRecord.status, 201);
    assert.equal(decodeJwt(withRecord.body.token).partyId, DEMO.partyId);
    const without = await callJson(sandbox, '/token', { method: 'POST', token, headers, body: { workflowDefinitionId: DEMO.companyKybId } });
    assert.equal(without.status, 201);
    assert.notEqual(executionIdOf(without.body.token), executionIdOf(withRecord.body.token));
    const unknown = await callJson(sandbox, '/token', {
      method: 'POST', token, headers, body: { recordId: '00000000-0000-4000-8000-000000000000', workflowDefinitionId: DEMO.companyKybId },
    });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.errors[0].field, 'recordId');
    const v1Body = await callJson(sandbox, '/token', { method: 'POST', token, headers, body: { recordId: 'x', workflowDefinitionId: DEMO.companyKybId } });
    assert.equal(v1Body.body.errors[0].field, 'recordId');
  });
});

describe('client backend: /workflows', () => {
  it('creates an execution with token and link, and reads it back', async () => {
    const sandbox = await startSandbox();
    const token = await accessToken(sandbox);
    const expiresAt = new Date(Date.now() + 2 * DAY).toISOString();
    const created = await callJson(sandbox, '/workflows', {
      method: 'POST', token, body: { workflowDefinitionId: DEMO.companyKybId, locale: 'pl', parameters: { source: 'test' }, expiresAt, recordId: DEMO.caseId },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'RUNNING');
    assert.equal(created.body.locale, 'pl');
    assert.equal(created.body.expiresAt, expiresAt);
    assert.equal(created.body.uiOptions.cssVariables['--tl-color-accent'], '#0b5fff');
    assert.equal(executionIdOf(created.body.token), created.body.id);
    assert.equal(created.body.link, `http://sandbox.test/link/${created.body.id}`);
    const widget = await callJson(sandbox, '/widget/execution', { token: created.body.token });
    assert.equal(widget.body.definitions[0].title, 'Znajdź swoją firmę');

    const read = await callJson(sandbox, `/workflows/${created.body.id}`, { token });
    assert.equal(read.status, 200);
    assert.deepEqual(
      [read.body.id, read.body.status, read.body.locale, read.body.expiresAt, read.body.recordId],
      [created.body.id, 'RUNNING', 'pl', expiresAt, DEMO.caseId],
    );
    assert.equal('token' in read.body, false);
    assert.equal((await callJson(sandbox, '/workflows/nope', { token })).status, 404);
  });

  it('checks the body: expiresAt between 30 minutes and 30 days ahead, required fields, known ids', async () => {
    const sandbox = await startSandbox();
    const token = await accessToken(sandbox);
    const base = { workflowDefinitionId: DEMO.individualKycId, locale: 'en', parameters: {} };
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...base, expiresAt: new Date(Date.now() + 10 * MINUTE).toISOString() }, 400, 'expiresAt'],
      [{ ...base, expiresAt: new Date(Date.now() + 31 * DAY).toISOString() }, 400, 'expiresAt'],
      [{ ...base, expiresAt: 'tomorrow' }, 400, 'expiresAt'],
      [{ ...base, locale: undefined }, 400, 'locale'],
      [{ ...base, parameters: [1] }, 400, 'parameters'],
      [{ ...base, workflowDefinitionId: undefined }, 400, 'workflowDefinitionId'],
      [{ ...base, workflowDefinitionId: 'nope' }, 404, 'workflowDefinitionId'],
      [{ ...base, recordId: '00000000-0000-4000-8000-000000000000' }, 404, 'recordId'],
    ];
    for (const [body, status, field] of cases) {
      const answer = await callJson(sandbox, '/workflows', { method: 'POST', token, body });
      assert.equal(answer.status, status, JSON.stringify(body));
      assert.equal(answer.body.errors[0].field, field, JSON.stringify(body));
    }
    const edge = await callJson(sandbox, '/workflows', { method: 'POST', token, body: { ...base, expiresAt: new Date(Date.now() + 31 * MINUTE).toISOString() } });
    assert.equal(edge.status, 201);
  });

  it('reports EXPIRED once expiresAt has passed, and refuses saves', async () => {
    const sandbox = await startSandbox();
    const token = await accessToken(sandbox);
    const created = await callJson(sandbox, '/workflows', { method: 'POST', token, body: { workflowDefinitionId: DEMO.individualKycId, locale: 'en' } });
    sandbox.store.getExecution(created.body.id)!.expiresAt = new Date(Date.now() - 1000).toISOString();
    const read = await callJson(sandbox, `/workflows/${created.body.id}`, { token });
    assert.equal(read.body.status, 'EXPIRED');
    const widget = await callJson(sandbox, '/widget/execution', { token: created.body.token });
    assert.equal(widget.body.status, 'EXPIRED');
    assert.equal(widget.body.currentStepId, null);
    assert.equal((await save(sandbox, created.body.token, 'personal', PERSONAL)).status, 409);
  });
});
