/**
 * The theme studio's states: the steps of the workflows the sandbox serves (sandbox/workflows/*.json
 * with its country, calling-code and bank lists, translated by the sandbox's own `localise`), each in
 * the situations a designer styles (empty, with errors, saving, uploading, ...), and the screens
 * around them. The step count, titles and fields are the sandbox's: a step added there shows here.
 * The values are a made-up user's, for the screens that show some (review, uploads, owners).
 */
import kyc from '../sandbox/workflows/01-individual-kyc.json';
import kyb from '../sandbox/workflows/02-company-kyb.json';
import banks from '../sandbox/data/banks.json';
import callingCodes from '../sandbox/data/calling-codes.json';
import countries from '../sandbox/data/countries.json';
import registry from '../sandbox/data/registry.json';
import { languageOf, localise } from '../sandbox/i18n.ts';
import type { WorkflowData } from '../sandbox/workflows/loader.ts';
import { msg, type MessageKey, type MessageParams } from '../src/i18n/localize.js';
import type { RunnerViewModel } from '../src/runner/view-model.js';
import type { StepDefinition, StepValues } from '../src/schema/api-types.js';
import { PREVIEW_IMAGE, sampleExecution, sampleView } from '../test/fixtures/samples.js';

/** One state of the studio: a stable id (the link's `state=`), a title for designers, its group. */
export interface StudioState {
  id: string;
  title: string;
  group: 'Individual KYC' | 'Company KYB' | 'Screens';
  view: RunnerViewModel;
}

/** A workflow as the sandbox sends it in one language, with the values of a user who filled it in. */
interface Workflow {
  name: string;
  language: string;
  steps: StepDefinition[];
  values: Record<string, StepValues>;
}

/** The sandbox's shared lists, by the name a workflow file references them with. */
const LISTS: Record<string, unknown> = { '@countries': countries, '@calling-codes': callingCodes, '@banks': banks };

/**
 * `steps` with the shared lists expanded. Relative dates (`"max": "@today-18y"`) are left out: the
 * sandbox resolves them per request, and no screen shows them.
 */
function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' && (item in LISTS || item.startsWith('@today'))) out[key] = LISTS[item];
    else out[key] = expand(item);
  }
  return out;
}

const file = (id: string, name: string, size: number, type: string) => ({ id, name, size, type });

const KYC_VALUES: Record<string, StepValues> = {
  personal: {
    firstName: 'Anna', lastName: 'Kowalska', dateOfBirth: '1990-05-17', nationality: 'PL', email: 'anna@example.com',
    phone: { countryCode: '+48', number: '600000000' }, street: 'ul. Prosta 1', city: 'Warszawa', postalCode: '00-001', country: 'PL',
  },
  'identity-document': { documentType: 'id-card', front: file('f-1', 'id-front.jpg', 245000, 'image/jpeg'), back: null },
  'proof-of-address': { document: file('f-2', 'utility-bill.pdf', 480000, 'application/pdf') },
  bank: { outcome: 'COMPLETE', bankId: 'pl-mbank', bankName: 'mBank (sandbox)', accountIban: 'PL61109010140000071219812874' },
  consents: { terms: true, privacy: true, marketing: false },
};

const KYB_VALUES: Record<string, StepValues> = {
  'company-lookup': { registryNumber: registry[0]!.registryNumber },
  company: registry[0]!,
  owners: {
    owners: [
      { firstName: 'Jan', lastName: 'Nowak', dateOfBirth: '1971-02-03', nationality: 'PL', ownershipPercent: 60 },
      { firstName: 'Eva', lastName: 'Schmidt', dateOfBirth: '1984-11-20', nationality: 'DE', ownershipPercent: 40 },
    ],
  },
  documents: { registryExtract: file('f-3', 'krs-extract.pdf', 1200000, 'application/pdf'), articles: null },
  consents: { terms: true, privacy: true, authorised: true },
};

function workflow(data: unknown, values: Record<string, StepValues>, language: string): Workflow {
  const { name, steps } = data as WorkflowData;
  const lang = languageOf(language);
  return { name: localise<string>(name, lang), language: lang, steps: localise<StepDefinition[]>(expand(steps), lang), values };
}

/** The states of the studio, in `locale` (the widget's own texts; the workflows' texts in the sandbox's language for it). */
export function studioStates(locale = 'en'): StudioState[] {
  const individual = workflow(kyc, KYC_VALUES, locale);
  const company = workflow(kyb, KYB_VALUES, locale);
  /** `wf` on its step `stepId`, with `overrides`. */
  const on = (wf: Workflow, stepId: string, overrides: Partial<RunnerViewModel> = {}): RunnerViewModel => {
    const execution = { ...sampleExecution(wf.steps, stepId, wf.values, wf.name), locale: wf.language };
    return sampleView(stepId, { locale, execution, allValues: wf.values, ...overrides }, wf.steps);
  };
  const phase = (name: RunnerViewModel['phase'], overrides: Partial<RunnerViewModel> = {}) =>
    on(individual, 'personal', { phase: name, step: null, ...overrides });
  const text = (key: MessageKey, params?: MessageParams) => msg(locale, key, params);
  const phoneMessage = individual.steps[0]!.fields!.find((f) => f.name === 'phone')!.patternMessage!;

  const kycStates: Array<Omit<StudioState, 'group'>> = [
    { id: 'form', title: 'Personal details (empty)', view: on(individual, 'personal') },
    {
      id: 'form-errors', title: 'Personal details with errors',
      view: on(individual, 'personal', {
        values: { firstName: 'Anna', email: 'anna@', phone: { countryCode: '+48', number: '12' } },
        // The widget's own messages in its language; the phone's is the workflow's (the server's text).
        fieldErrors: {
          lastName: text('runner.validation.required'),
          email: text('runner.validation.email'),
          'phone.number': phoneMessage,
          nationality: text('runner.validation.choose'),
        },
      }),
    },
    { id: 'busy', title: 'Personal details, saving', view: on(individual, 'personal', { values: KYC_VALUES.personal, busy: true }) },
    { id: 'token-expired', title: 'Token expired', view: on(individual, 'personal', { values: KYC_VALUES.personal, tokenExpired: true }) },
    {
      id: 'uploads', title: 'Identity document: uploading',
      view: on(individual, 'identity-document', {
        values: { documentType: 'id-card', front: file('f-1', 'id-front.png', 245000, 'image/png') },
        uploads: {
          front: { name: 'id-front.png', size: 245000, type: 'image/png', progress: 1, status: 'done', previewUrl: PREVIEW_IMAGE },
          back: { name: 'id-back.jpg', size: 3100000, type: 'image/jpeg', progress: 0.42, status: 'uploading' },
        },
      }),
    },
    {
      id: 'upload-failed', title: 'Identity document: upload refused',
      view: on(individual, 'identity-document', {
        uploads: { front: { name: 'huge.pdf', size: 31000000, type: 'application/pdf', progress: 0, status: 'failed', error: text('runner.upload.tooLarge', { size: { bytes: 10 * 1024 * 1024 } }) } },
      }),
    },
    { id: 'proof-of-address', title: 'Proof of address', view: on(individual, 'proof-of-address') },
    { id: 'bank', title: 'Bank: choose a bank', view: on(individual, 'bank') },
    { id: 'bank-chosen', title: 'Bank: chosen, consent and login', view: on(individual, 'bank', { values: { bankId: 'pl-mbank', consent: false, username: '' } }) },
    { id: 'consents', title: 'Consents', view: on(individual, 'consents') },
    { id: 'banner', title: 'Consents: a failure to retry', view: on(individual, 'consents', { banner: { code: 'network', message: text('runner.error.network'), retryable: true } }) },
    { id: 'confirm-cancel', title: 'Leave the verification?', view: on(individual, 'consents', { confirmingCancel: true }) },
    { id: 'review', title: 'Review and submit', view: on(individual, 'review') },
  ];
  const kybStates: Array<Omit<StudioState, 'group'>> = [
    {
      id: 'registry', title: 'Find your company: found',
      view: on(company, 'company-lookup', { values: KYB_VALUES['company-lookup'], registry: { status: 'found', record: registry[0]! } }),
    },
    { id: 'registry-not-found', title: 'Find your company: not found', view: on(company, 'company-lookup', { values: { registryNumber: '0000000001' }, registry: { status: 'not-found' } }) },
    { id: 'company', title: 'Company details (prefilled)', view: on(company, 'company', { values: KYB_VALUES.company }) },
    { id: 'group', title: 'Beneficial owners (a group)', view: on(company, 'owners', { values: KYB_VALUES.owners }) },
    { id: 'documents', title: 'Company documents', view: on(company, 'documents') },
    { id: 'review-kyb', title: 'Review and submit (with a group)', view: on(company, 'review') },
  ];
  const screens: Array<Omit<StudioState, 'group'>> = [
    { id: 'loading', title: 'Loading', view: phase('loading') },
    { id: 'awaiting', title: 'Checks running (awaiting)', view: phase('awaiting') },
    { id: 'complete', title: 'Complete', view: phase('complete') },
    { id: 'cancelled', title: 'Cancelled', view: phase('cancelled') },
    { id: 'error', title: 'Could not load', view: phase('error', { banner: { code: 'server', message: text('runner.error.server'), retryable: true } }) },
  ];
  return [
    ...kycStates.map((s) => ({ ...s, group: 'Individual KYC' as const })),
    ...kybStates.map((s) => ({ ...s, group: 'Company KYB' as const })),
    ...screens.map((s) => ({ ...s, group: 'Screens' as const })),
  ];
}
