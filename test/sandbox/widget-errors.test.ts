import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, callJson, DEMO, executionIdOf, freshToken, PERSONAL, png, save, startSandbox, upload } from './helpers.ts';

/** The `field` of each error of a 422 body. */
const fieldsOf = (body: { errors?: Array<{ field?: string; code: string }> }) => (body.errors ?? []).map((e) => e.field);

describe('widget: idempotent saves', () => {
  it('requires an Idempotency-Key', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const { status, body } = await callJson(sandbox, '/widget/execution/steps/personal', { method: 'PUT', token, body: { values: PERSONAL } });
    assert.equal(status, 400);
    assert.equal(body.errors[0].code, 'idempotency-key-required');
  });

  it('replays the stored response for the same key and body, without counting another save', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const first = await save(sandbox, token, 'personal', PERSONAL, 'same-key');
    assert.equal(first.status, 200);
    await save(sandbox, token, 'identity-document', { documentType: 'passport' }, 'other-key'); // 422, changes nothing
    const replay = await save(sandbox, token, 'personal', { ...PERSONAL }, 'same-key');
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.body, first.body);
    const audit = await callJson(sandbox, `/sandbox/audit/${executionIdOf(token)}`);
    assert.deepEqual(audit.body, { saves: { personal: 1 }, status: 'RUNNING' });
  });

  it('answers 409 idempotency-key-reused for the same key with another body or step', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    assert.equal((await save(sandbox, token, 'personal', PERSONAL, 'k1')).status, 200);
    const otherBody = await save(sandbox, token, 'personal', { ...PERSONAL, firstName: 'Ola' }, 'k1');
    assert.equal(otherBody.status, 409);
    assert.equal(otherBody.body.errors?.[0].code, 'idempotency-key-reused');
    const otherStep = await save(sandbox, token, 'identity-document', PERSONAL, 'k1');
    assert.equal(otherStep.status, 409);
  });

  it('rejects bad JSON and a body without values', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const headers = { 'idempotency-key': 'x', 'content-type': 'application/json' };
    const bad = await callJson(sandbox, '/widget/execution/steps/personal', { method: 'PUT', token, headers, body: '{"values":' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].code, 'invalid-json');
    const none = await callJson(sandbox, '/widget/execution/steps/personal', { method: 'PUT', token, headers, body: { nope: 1 } });
    assert.equal(none.status, 400);
    assert.equal(none.body.errors[0].field, 'values');
  });
});

describe('widget: validation (422 per field)', () => {
  it('reports every invalid field of a form step, and stores nothing', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const tooYoung = new Date();
    tooYoung.setUTCFullYear(tooYoung.getUTCFullYear() - 10);
    const { status, body } = await save(sandbox, token, 'personal', {
      ...PERSONAL,
      firstName: '',
      email: 'not-an-email',
      dateOfBirth: tooYoung.toISOString().slice(0, 10),
      nationality: 'XX',
      phone: { countryCode: '+999', number: '600123456' },
      postalCode: '#',
      lastName: 'x'.repeat(101),
    });
    assert.equal(status, 422);
    assert.ok(body.errors?.every((e) => e.code === 'validation' && e.message.length > 0));
    assert.deepEqual(fieldsOf(body).sort(), ['dateOfBirth', 'email', 'firstName', 'lastName', 'nationality', 'phone', 'postalCode']);
    assert.equal(body.errors?.find((e) => e.field === 'postalCode')?.message, 'Enter a postal code of 3 to 10 letters or digits.');
    const after = await callJson(sandbox, '/widget/execution', { token });
    // Nothing stored: the values are still the case's prefill only.
    assert.deepEqual(after.body.values, { personal: { firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' } });
    assert.equal(after.body.currentStepId, 'personal');
  });

  it('rejects impossible dates and wrong types', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const { status, body } = await save(sandbox, token, 'personal', { ...PERSONAL, dateOfBirth: '1990-02-30', phone: '600123456' });
    assert.equal(status, 422);
    assert.deepEqual(fieldsOf(body).sort(), ['dateOfBirth', 'phone']);
  });

  it('validates group size and each entry with dotted paths', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox, DEMO.companyKybId);
    await save(sandbox, token, 'company-lookup', { registryNumber: '0000123456' });
    const company = (await callJson(sandbox, '/widget/execution', { token })).body.values.company;
    assert.equal((await save(sandbox, token, 'company', company)).status, 200);
    const owner = { firstName: 'Jan', lastName: 'Kowalski', dateOfBirth: '1970-01-01', nationality: 'PL', ownershipPercent: 30 };

    const empty = await save(sandbox, token, 'owners', { owners: [] });
    assert.equal(empty.status, 422);
    assert.deepEqual(fieldsOf(empty.body), ['owners']);
    const five = await save(sandbox, token, 'owners', { owners: [owner, owner, owner, owner, owner] });
    assert.deepEqual(fieldsOf(five.body), ['owners']);
    const entries = await save(sandbox, token, 'owners', {
      owners: [owner, { ...owner, firstName: '', ownershipPercent: 10 }, { ...owner, nationality: 'ZZ' }],
    });
    assert.equal(entries.status, 422);
    assert.deepEqual(fieldsOf(entries.body), ['owners.1.firstName', 'owners.1.ownershipPercent', 'owners.2.nationality']);
    assert.equal((await save(sandbox, token, 'owners', { owners: [owner, owner] })).status, 200);
  });

  it('requires the required consents to be ticked', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox, DEMO.companyKybId);
    await save(sandbox, token, 'company-lookup', { registryNumber: '0000123456' });
    const back = await callJson(sandbox, '/widget/execution', { token });
    assert.equal(back.body.currentStepId, 'company');
    const lookup = await save(sandbox, token, 'company-lookup', { registryNumber: '0000000000' });
    assert.equal(lookup.status, 422);
    assert.deepEqual(fieldsOf(lookup.body), ['registryNumber']);
    const pattern = await save(sandbox, token, 'company-lookup', { registryNumber: '12' });
    assert.equal(pattern.body.errors?.[0].message, 'Enter the 10-digit registry number.');
  });
});

describe('widget: step order, back and cancel', () => {
  it('refuses to save a step not reached yet (409) and an unknown step (404)', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const ahead = await save(sandbox, token, 'consents', { terms: true, privacy: true });
    assert.equal(ahead.status, 409);
    assert.equal(ahead.body.errors?.[0].code, 'step-not-reached');
    assert.equal((await save(sandbox, token, 'nope', {})).status, 404);
  });

  it('goes back one step, or to an earlier done step, and refuses otherwise', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const atStart = await callJson(sandbox, '/widget/execution/back', { method: 'POST', token });
    assert.equal(atStart.status, 409);
    await save(sandbox, token, 'personal', PERSONAL);
    const front = await upload(sandbox, token, 'identity-document', 'front', png());
    await save(sandbox, token, 'identity-document', { documentType: 'id-card', front: front.body });
    const one = await callJson(sandbox, '/widget/execution/back', { method: 'POST', token, body: {} });
    assert.equal(one.status, 200);
    assert.equal(one.body.currentStepId, 'identity-document');
    const toTodo = await callJson(sandbox, '/widget/execution/back', { method: 'POST', token, body: { stepId: 'bank' } });
    assert.equal(toTodo.status, 409);
    const toFirst = await callJson(sandbox, '/widget/execution/back', { method: 'POST', token, body: { stepId: 'personal' } });
    assert.equal(toFirst.status, 200);
    assert.equal(toFirst.body.currentStepId, 'personal');
    assert.deepEqual(toFirst.body.steps.map((s: { state: string }) => s.state), ['current', 'done', 'todo', 'todo', 'todo', 'todo']);
    // Saving it again moves to the next step not done yet.
    const resaved = await save(sandbox, token, 'personal', { ...PERSONAL, city: 'Kraków' });
    assert.equal(resaved.body.currentStepId, 'proof-of-address');
    const unknown = await callJson(sandbox, '/widget/execution/back', { method: 'POST', token, body: { stepId: 'nope' } });
    assert.equal(unknown.status, 404);
  });

  it('cancels idempotently, then refuses saves with 409 conflict', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const first = await callJson(sandbox, '/widget/execution/cancel', { method: 'POST', token });
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'CANCELLED');
    assert.equal(first.body.currentStepId, null);
    const second = await callJson(sandbox, '/widget/execution/cancel', { method: 'POST', token });
    assert.equal(second.status, 200);
    assert.equal(second.body.status, 'CANCELLED');
    const saved = await save(sandbox, token, 'personal', PERSONAL);
    assert.equal(saved.status, 409);
    assert.equal(saved.body.errors?.[0].code, 'conflict');
    assert.equal((await callJson(sandbox, '/widget/execution/back', { method: 'POST', token })).status, 409);
    assert.equal((await upload(sandbox, token, 'personal', 'front', png())).status, 409);
  });

  it('refuses to submit before every step is done and to change a completed workflow', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const execution = sandbox.store.getExecution(executionIdOf(token))!;
    execution.done = ['personal', 'identity-document', 'proof-of-address', 'bank', 'consents'];
    execution.currentStepId = 'review';
    const submitted = await save(sandbox, token, 'review', {}, 'submit-key');
    assert.equal(submitted.body.status, 'COMPLETED');
    const late = await save(sandbox, token, 'personal', PERSONAL);
    assert.equal(late.status, 409);
    const replayed = await save(sandbox, token, 'review', {}, 'submit-key');
    assert.equal(replayed.status, 200, 'a retried submit gets the stored answer, not 409');
    assert.deepEqual(replayed.body, submitted.body);
    assert.equal((await callJson(sandbox, `/sandbox/audit/${executionIdOf(token)}`)).body.saves.review, 1);
    const cancel = await callJson(sandbox, '/widget/execution/cancel', { method: 'POST', token });
    assert.equal(cancel.status, 409);

    const other = await freshToken(sandbox);
    const record = sandbox.store.getExecution(executionIdOf(other))!;
    record.currentStepId = 'review';
    const early = await save(sandbox, other, 'review', {});
    assert.equal(early.status, 409);
    assert.equal(early.body.errors?.[0].code, 'steps-incomplete');
  });
});

describe('widget: bank step', () => {
  it('fails a wrong password on the password field, never echoing it', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    sandbox.store.getExecution(executionIdOf(token))!.currentStepId = 'bank';
    const wrong = await save(sandbox, token, 'bank', { bankId: 'de-n26', consent: true, username: 'anna', password: 'wrong' });
    assert.equal(wrong.status, 422);
    assert.deepEqual(fieldsOf(wrong.body), ['password']);
    const missing = await save(sandbox, token, 'bank', { bankId: 'no-such-bank', consent: false });
    assert.deepEqual(fieldsOf(missing.body), ['bankId', 'consent', 'username', 'password']);
    const omitted = await save(sandbox, token, 'bank', { outcome: 'OMITTED' });
    assert.equal(omitted.status, 200);
    assert.deepEqual(omitted.body.values.bank, { outcome: 'OMITTED' });
  });

  it('lists 10 to 20 banks from several countries, and a consent with links', async () => {
    const sandbox = await startSandbox();
    const { body } = await callJson(sandbox, '/widget/execution', { token: await freshToken(sandbox) });
    const bank = body.definitions.find((d: { id: string }) => d.id === 'bank');
    assert.ok(bank.banks.length >= 10 && bank.banks.length <= 20);
    assert.ok(new Set(bank.banks.map((b: { country: string }) => b.country)).size >= 3);
    assert.ok(bank.consent.label.length > 0);
    assert.match(bank.consent.links[0].href, /\/documents\/privacy$/);
  });
});

describe('widget: files and registry', () => {
  it('enforces maxSize (413) and accept (415), and refuses unknown file references', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    sandbox.store.getExecution(executionIdOf(token))!.currentStepId = 'identity-document';
    const big = await upload(sandbox, token, 'identity-document', 'front', png('big.png', 10 * 1024 * 1024 + 1));
    assert.equal(big.status, 413);
    assert.equal(big.body.errors[0].field, 'front');
    const text = await upload(sandbox, token, 'identity-document', 'front', new File(['hi'], 'a.txt', { type: 'text/plain' }));
    assert.equal(text.status, 415);
    const noField = await upload(sandbox, token, 'identity-document', 'documentType', png());
    assert.equal(noField.status, 400);
    const fake = await save(sandbox, token, 'identity-document', { documentType: 'passport', front: { id: 'nope', name: 'x', size: 1, type: 'image/png' } });
    assert.deepEqual(fieldsOf(fake.body), ['front']);
    const back = await upload(sandbox, token, 'identity-document', 'back', png('back.png'));
    const swapped = await save(sandbox, token, 'identity-document', { documentType: 'passport', front: back.body });
    assert.deepEqual(fieldsOf(swapped.body), ['front']);
    const notReached = await upload(sandbox, token, 'proof-of-address', 'document', png());
    assert.equal(notReached.status, 409);
  });

  it('serves and deletes an uploaded file', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    sandbox.store.getExecution(executionIdOf(token))!.currentStepId = 'identity-document';
    const front = await upload(sandbox, token, 'identity-document', 'front', png('f.png', 10));
    const bytes = await call(sandbox, `/widget/execution/files/${front.body.id}`, { token });
    assert.equal(bytes.status, 200);
    assert.equal((await bytes.arrayBuffer()).byteLength, 10);
    const deleted = await call(sandbox, `/widget/execution/files/${front.body.id}`, { method: 'DELETE', token });
    assert.equal(deleted.status, 204);
    assert.equal((await call(sandbox, `/widget/execution/files/${front.body.id}`, { method: 'DELETE', token })).status, 404);
    const stale = await save(sandbox, token, 'identity-document', { documentType: 'passport', front: front.body });
    assert.equal(stale.status, 422);
  });

  it('looks companies up in the registry', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox, DEMO.companyKybId);
    const acme = await callJson(sandbox, '/widget/registry/0000123456', { token });
    assert.equal(acme.status, 200);
    assert.equal(acme.body.companyName, 'Acme Sp. z o.o.');
    assert.equal(acme.body.country, 'PL');
    const none = await callJson(sandbox, '/widget/registry/0000000000', { token });
    assert.equal(none.status, 404);
    assert.equal(none.body.errors[0].code, 'not-found');
    assert.equal((await callJson(sandbox, '/widget/registry/0000123456')).status, 401);
  });
});
