import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Sandbox } from '../../sandbox/app.ts';
import { callJson, DEMO, executionIdOf, freshToken, PERSONAL, png, save, startSandbox, upload, widgetToken } from './helpers.ts';

/** The case an execution belongs to. */
const caseIdOf = (sandbox: Sandbox, token: string) => sandbox.store.getExecution(executionIdOf(token))!.caseId!;

describe('widget flow: Individual KYC', () => {
  it('runs every step through to COMPLETED', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);

    const start = await callJson(sandbox, '/widget/execution', { token });
    assert.equal(start.status, 200);
    assert.equal(start.body.status, 'RUNNING');
    assert.equal(start.body.currentStepId, 'personal');
    assert.deepEqual(start.body.steps.map((s: { id: string }) => s.id), ['personal', 'identity-document', 'proof-of-address', 'bank', 'consents', 'review']);
    assert.deepEqual(start.body.steps.map((s: { state: string }) => s.state), ['current', 'todo', 'todo', 'todo', 'todo', 'todo']);
    assert.equal(start.body.uiOptions.cssVariables['--tl-color-accent'], '#0b5fff');
    assert.equal(start.body.definitions.length, 6);

    let step = await save(sandbox, token, 'personal', PERSONAL);
    assert.equal(step.status, 200, JSON.stringify(step.body));
    assert.equal(step.body.currentStepId, 'identity-document');
    assert.deepEqual(step.body.values.personal, PERSONAL);
    assert.equal(step.body.steps[0].state, 'done');

    const front = await upload(sandbox, token, 'identity-document', 'front', png());
    assert.equal(front.status, 201);
    assert.equal(front.body.name, 'front.png');
    assert.equal(front.body.size, 64);
    assert.equal(front.body.type, 'image/png');
    step = await save(sandbox, token, 'identity-document', { documentType: 'passport', front: front.body });
    assert.equal(step.status, 200, JSON.stringify(step.body));
    assert.deepEqual(step.body.values['identity-document'].front, front.body);

    const proof = await upload(sandbox, token, 'proof-of-address', 'document', new File(['%PDF-1.4'], 'bill.pdf', { type: 'application/pdf' }));
    assert.equal(proof.status, 201);
    step = await save(sandbox, token, 'proof-of-address', { document: proof.body });
    assert.equal(step.body.currentStepId, 'bank');

    step = await save(sandbox, token, 'bank', { bankId: 'pl-mbank', consent: true, username: 'anna', password: 'secret' });
    assert.equal(step.status, 200, JSON.stringify(step.body));
    const bank = step.body.values.bank as Record<string, string>;
    assert.equal(bank.outcome, 'COMPLETE');
    assert.equal(bank.bankName, 'mBank (sandbox)');
    assert.match(bank.accountIban, /^PL\d{26}$/);
    assert.equal('password' in bank, false);
    assert.equal(JSON.stringify(step.body).includes('secret'), false);

    step = await save(sandbox, token, 'consents', { terms: true, privacy: true });
    assert.equal(step.body.currentStepId, 'review');

    step = await save(sandbox, token, 'review', {});
    assert.equal(step.status, 200);
    assert.equal(step.body.status, 'COMPLETED');
    assert.equal(step.body.currentStepId, null);
    assert.ok(step.body.steps.every((s: { state: string }) => s.state === 'done'));

    const audit = await callJson(sandbox, `/sandbox/audit/${executionIdOf(token)}`);
    assert.deepEqual(audit.body, {
      saves: { personal: 1, 'identity-document': 1, 'proof-of-address': 1, bank: 1, consents: 1, review: 1 },
      status: 'COMPLETED',
    });
  });

  it('makes document links absolute, under the configured mount prefix when there is one', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const plain = await callJson(sandbox, '/widget/execution', { token });
    const consents = plain.body.definitions.find((d: { id: string }) => d.id === 'consents');
    assert.equal(consents.fields[0].links[0].href, 'http://sandbox.test/documents/terms');
    const mountedSandbox = await startSandbox({ basePath: '/tl-api' });
    const mountedToken = await freshToken(mountedSandbox);
    const mounted = await callJson(mountedSandbox, '/widget/execution', { token: mountedToken });
    const again = mounted.body.definitions.find((d: { id: string }) => d.id === 'consents');
    assert.equal(again.fields[0].links[0].href, 'http://sandbox.test/tl-api/documents/terms');
    const page = await sandbox.fetch(new Request('http://sandbox.test/documents/terms'));
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Terms of service/);
  });

  it('has every text of the demo data in each of its languages', () => {
    const missing: string[] = [];
    const visit = (value: unknown, where: string): void => {
      if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${where}[${i}]`));
      if (value === null || typeof value !== 'object') return;
      const o = value as Record<string, unknown>;
      if (typeof o.en === 'string') {
        for (const lang of ['pl', 'de']) if (typeof o[lang] !== 'string' || !o[lang]) missing.push(`${where}.${lang}`);
        return;
      }
      for (const [key, item] of Object.entries(o)) visit(item, `${where}.${key}`);
    };
    for (const file of ['workflows/01-individual-kyc.json', 'workflows/02-company-kyb.json', 'data/countries.json', 'data/calling-codes.json']) {
      visit(JSON.parse(readFileSync(new URL(`../../sandbox/${file}`, import.meta.url), 'utf8')), file);
    }
    assert.deepEqual(missing, []);
  });

  it('resolves labels to the execution locale, falling back to English', async () => {
    const sandbox = await startSandbox();
    const pl = await callJson(sandbox, '/widget/execution', { token: await freshToken(sandbox, DEMO.individualKycId, { lang: 'pl-PL' }) });
    assert.equal(pl.body.locale, 'pl-PL');
    assert.equal(pl.body.definitions[0].title, 'Dane osobowe');
    assert.equal(pl.body.definitions[0].fields[0].label, 'Imię');
    const country = pl.body.definitions[0].fields.find((f: { name: string }) => f.name === 'nationality');
    assert.equal(country.options.find((o: { value: string }) => o.value === 'DE').label, 'Niemcy');
    assert.ok(country.options.length >= 249);
    // Sorted in the execution's language (API.md), not in the English order of the shared list.
    const plLabels = country.options.map((o: { label: string }) => o.label);
    assert.deepEqual(plLabels, [...plLabels].sort(new Intl.Collator('pl').compare));
    assert.ok(plLabels.indexOf('Wyspy Alandzkie') > plLabels.indexOf('Niemcy'));
    const de = await callJson(sandbox, '/widget/execution', { token: await freshToken(sandbox, DEMO.individualKycId, { lang: 'de-AT' }) });
    assert.equal(de.body.locale, 'de-AT');
    assert.equal(de.body.definitions[0].title, 'Persönliche Angaben');
    const deCountry = de.body.definitions[0].fields.find((f: { name: string }) => f.name === 'nationality');
    assert.equal(deCountry.options.find((o: { value: string }) => o.value === 'DE').label, 'Deutschland');
    const deLabels = deCountry.options.map((o: { label: string }) => o.label);
    assert.deepEqual(deLabels, [...deLabels].sort(new Intl.Collator('de').compare));
    const phone = de.body.definitions[0].fields.find((f: { name: string }) => f.name === 'phone');
    assert.equal(phone.options.find((o: { value: string }) => o.value === '+49').label, 'Deutschland (+49)');
    // A language the workflow does not have: English texts, and the response says so.
    const fr = await callJson(sandbox, '/widget/execution', { token: await freshToken(sandbox, DEMO.individualKycId, { lang: 'fr' }) });
    assert.equal(fr.body.definitions[0].fields[0].label, 'First name');
    assert.equal(fr.body.locale, 'en', 'the language the texts are in');
    const enLabels = fr.body.definitions[0].fields.find((f: { name: string }) => f.name === 'nationality').options.map((o: { label: string }) => o.label);
    assert.deepEqual(enLabels, [...enLabels].sort(new Intl.Collator('en').compare));
    const dob = fr.body.definitions[0].fields.find((f: { name: string }) => f.name === 'dateOfBirth');
    const eighteen = new Date();
    eighteen.setUTCFullYear(eighteen.getUTCFullYear() - 18);
    assert.equal(dob.max, eighteen.toISOString().slice(0, 10));
    assert.equal(dob.autocomplete, 'bday');
  });
});

describe('widget flow: Company KYB', () => {
  it('pre-fills the company from the registry, goes AWAITING on submit, then COMPLETED', async (t) => {
    // The sandbox's clock is Date: mocked, so the 0.4 s AWAITING ends when the test says, not when a busy
    // machine gets round to the next request.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const sandbox = await startSandbox({ awaitingSeconds: 0.4 });
    const token = await freshToken(sandbox, DEMO.companyKybId);

    let step = await save(sandbox, token, 'company-lookup', { registryNumber: '0000123456' });
    assert.equal(step.status, 200, JSON.stringify(step.body));
    assert.equal(step.body.currentStepId, 'company');
    const company = step.body.values.company;
    assert.equal(company.companyName, 'Acme Sp. z o.o.');
    assert.equal(company.registryNumber, '0000123456');
    assert.equal(company.country, 'PL');

    step = await save(sandbox, token, 'company', company);
    assert.equal(step.status, 200, JSON.stringify(step.body));
    step = await save(sandbox, token, 'owners', {
      owners: [{ firstName: 'Jan', lastName: 'Kowalski', dateOfBirth: '1970-01-01', nationality: 'PL', ownershipPercent: 60 }],
    });
    assert.equal(step.status, 200, JSON.stringify(step.body));
    const extract = await upload(sandbox, token, 'documents', 'registryExtract', new File(['%PDF'], 'krs.pdf', { type: 'application/pdf' }));
    step = await save(sandbox, token, 'documents', { registryExtract: extract.body });
    assert.equal(step.status, 200, JSON.stringify(step.body));
    step = await save(sandbox, token, 'consents', { terms: true, privacy: true, authorised: true });
    assert.equal(step.body.currentStepId, 'review');

    step = await save(sandbox, token, 'review', {});
    assert.equal(step.body.status, 'AWAITING');
    assert.equal(step.body.currentStepId, null);
    const soon = await callJson(sandbox, '/widget/execution', { token });
    assert.equal(soon.body.status, 'AWAITING');
    const reissued = await widgetToken(sandbox, { caseId: caseIdOf(sandbox, token), workflowDefinitionId: DEMO.companyKybId });
    assert.equal(executionIdOf(reissued), executionIdOf(token), 'a token while AWAITING reopens the same execution');
    t.mock.timers.tick(500);
    const later = await callJson(sandbox, '/widget/execution', { token });
    assert.equal(later.body.status, 'COMPLETED');
    const afterwards = await widgetToken(sandbox, { caseId: caseIdOf(sandbox, token), workflowDefinitionId: DEMO.companyKybId });
    assert.notEqual(executionIdOf(afterwards), executionIdOf(token), 'once COMPLETED, a new token starts anew');
  });
});
