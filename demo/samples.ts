/**
 * Hand-built view models for the states gallery (demo/gallery.html) and the view tests
 * (test/views/). They mirror the sandbox's demo workflows (sandbox/workflows/*.json), shortened.
 * Not part of the package: nothing under src/ imports this file.
 */
import type { Bank, FieldOption, StepDefinition, StepValues, WidgetExecution } from '../src/client/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../src/runner/view-model.js';
import { msg } from '../src/i18n/localize.js';

const COUNTRIES: FieldOption[] = [
  { value: 'PL', label: 'Poland' },
  { value: 'DE', label: 'Germany' },
  { value: 'GB', label: 'United Kingdom' },
  { value: 'FR', label: 'France' },
  { value: 'UA', label: 'Ukraine' },
  { value: 'US', label: 'United States' },
];

const CALLING_CODES: FieldOption[] = [
  { value: '+48', label: 'Poland (+48)' },
  { value: '+49', label: 'Germany (+49)' },
  { value: '+44', label: 'United Kingdom (+44)' },
];

/** Banks as the sandbox lists them. */
export const BANKS: Bank[] = [
  { id: 'pl-pko', name: 'PKO Bank Polski (sandbox)', country: 'PL' },
  { id: 'pl-pekao', name: 'Bank Pekao (sandbox)', country: 'PL' },
  { id: 'pl-mbank', name: 'mBank (sandbox)', country: 'PL' },
  { id: 'pl-ing', name: 'ING Bank Śląski (sandbox)', country: 'PL' },
  { id: 'de-deutsche', name: 'Deutsche Bank (sandbox)', country: 'DE' },
  { id: 'de-n26', name: 'N26 (sandbox)', country: 'DE' },
];

const FILE_FIELD = { accept: 'image/jpeg,image/png,application/pdf', maxSize: 10485760 } as const;

/** The individual KYC workflow's steps (English). */
export const KYC_STEPS: StepDefinition[] = [
  {
    id: 'personal',
    type: 'form',
    title: 'Personal details',
    description: 'As they appear on your identity document.',
    fields: [
      { name: 'firstName', type: 'text', label: 'First name', required: true, maxLength: 100, autocomplete: 'given-name' },
      { name: 'lastName', type: 'text', label: 'Last name', required: true, maxLength: 100, autocomplete: 'family-name' },
      { name: 'dateOfBirth', type: 'date', label: 'Date of birth', hint: 'You must be at least 18 years old.', required: true, min: '1906-01-01', max: '2008-01-01', autocomplete: 'bday' },
      { name: 'nationality', type: 'country', label: 'Nationality', required: true, options: COUNTRIES },
      { name: 'email', type: 'email', label: 'Email', required: true, maxLength: 254, autocomplete: 'email' },
      { name: 'phone', type: 'tel', label: 'Phone number', required: true, pattern: '[0-9]{6,14}', options: CALLING_CODES, autocomplete: 'tel-national' },
      { name: 'street', type: 'text', label: 'Street and number', required: true, autocomplete: 'street-address' },
      { name: 'about', type: 'textarea', label: 'Occupation', hint: 'Optional. What do you do for a living?', maxLength: 500 },
      { name: 'income', type: 'number', label: 'Yearly income (PLN)', min: 0 },
      { name: 'country', type: 'country', label: 'Country of residence', required: true, autocomplete: 'country' },
    ],
  },
  {
    id: 'identity-document',
    type: 'form',
    title: 'Identity document',
    description: 'Upload a clear photo or scan of a valid document.',
    fields: [
      {
        name: 'documentType', type: 'radio', label: 'Document type', required: true,
        options: [
          { value: 'passport', label: 'Passport' },
          { value: 'id-card', label: 'Identity card' },
          { value: 'driving-licence', label: 'Driving licence' },
        ],
      },
      { name: 'front', type: 'file', label: 'Front of the document', required: true, hint: 'JPEG, PNG or PDF, up to 10 MB.', ...FILE_FIELD },
      { name: 'back', type: 'file', label: 'Back of the document', hint: 'Not needed for a passport.', ...FILE_FIELD },
    ],
  },
  {
    id: 'bank',
    type: 'bank',
    title: 'Bank account',
    description: 'Connect the bank account you will use with us.',
    banks: BANKS,
    consent: {
      label: 'I agree that my account holder name and account number are read from my bank for this verification.',
      links: [{ label: 'Privacy policy', href: 'https://example.com/privacy' }],
    },
  },
  {
    id: 'consents',
    type: 'form',
    title: 'Consents',
    fields: [
      { name: 'terms', type: 'checkbox', required: true, label: 'I accept the terms of service.', links: [{ label: 'Terms of service', href: 'https://example.com/terms' }] },
      { name: 'marketing', type: 'checkbox', label: 'Send me product news (optional).' },
    ],
  },
  { id: 'review', type: 'review', title: 'Review and submit', description: 'Check your answers before you submit them.' },
];

/** The company KYB workflow's steps (English). */
export const KYB_STEPS: StepDefinition[] = [
  {
    id: 'company-lookup',
    type: 'registry-lookup',
    title: 'Find your company',
    description: 'Enter the registry number and we will fill in the company details for you.',
    prefills: 'company',
    fields: [{ name: 'registryNumber', type: 'text', label: 'Registry number', required: true, pattern: '[0-9]{10}', hint: 'Try 0000123456.' }],
  },
  {
    id: 'company',
    type: 'form',
    title: 'Company details',
    fields: [
      { name: 'companyName', type: 'text', label: 'Company name', required: true, autocomplete: 'organization' },
      {
        name: 'legalForm', type: 'select', label: 'Legal form', required: true,
        options: [
          { value: 'LLC', label: 'Limited liability company' },
          { value: 'JSC', label: 'Joint-stock company' },
        ],
      },
      { name: 'country', type: 'country', label: 'Country of registration', required: true, options: COUNTRIES },
    ],
  },
  {
    id: 'owners',
    type: 'form',
    title: 'Beneficial owners',
    description: 'Everyone who owns 25% or more of the company.',
    fields: [
      {
        name: 'owners', type: 'group', label: 'Beneficial owners', itemLabel: 'Beneficial owner', required: true, minItems: 1, maxItems: 4,
        fields: [
          { name: 'firstName', type: 'text', label: 'First name', required: true },
          { name: 'lastName', type: 'text', label: 'Last name', required: true },
          { name: 'nationality', type: 'country', label: 'Nationality', required: true, options: COUNTRIES },
          { name: 'ownershipPercent', type: 'number', label: 'Ownership (%)', required: true, min: 25, max: 100, hint: 'Between 25 and 100.' },
        ],
      },
    ],
  },
  {
    id: 'documents',
    type: 'form',
    title: 'Company documents',
    fields: [{ name: 'registryExtract', type: 'file', label: 'Registry extract', required: true, ...FILE_FIELD }],
  },
  { id: 'review', type: 'review', title: 'Review and submit' },
];

/** Values of a finished individual KYC, for the review screen. */
export const KYC_VALUES: Record<string, StepValues> = {
  personal: {
    firstName: 'Anna', lastName: 'Kowalska', dateOfBirth: '1990-05-17', nationality: 'PL', email: 'anna@example.com',
    phone: { countryCode: '+48', number: '600000000' }, street: 'ul. Prosta 1', about: '', income: 85000, country: 'PL',
  },
  'identity-document': {
    documentType: 'id-card',
    front: { id: 'f-1', name: 'id-front.jpg', size: 245000, type: 'image/jpeg' },
    back: null,
  },
  bank: { outcome: 'COMPLETE', bankId: 'pl-mbank', bankName: 'mBank (sandbox)', accountIban: 'PL61109010140000071219812874' },
  consents: { terms: true, marketing: false },
};

/** Values of a company KYB, for the review screen. */
export const KYB_VALUES: Record<string, StepValues> = {
  'company-lookup': { registryNumber: '0000123456' },
  company: { companyName: 'Acme Sp. z o.o.', legalForm: 'LLC', country: 'PL' },
  owners: {
    owners: [
      { firstName: 'Jan', lastName: 'Nowak', nationality: 'PL', ownershipPercent: 60 },
      { firstName: 'Eva', lastName: 'Schmidt', nationality: 'DE', ownershipPercent: 40 },
    ],
  },
  documents: { registryExtract: { id: 'f-2', name: 'krs-extract.pdf', size: 1200000, type: 'application/pdf' } },
};

/** A running execution of the given steps. */
export function sampleExecution(
  steps: StepDefinition[],
  currentStepId: string,
  values: Record<string, StepValues> = {},
  name = 'Individual KYC',
): WidgetExecution {
  const current = steps.findIndex((s) => s.id === currentStepId);
  return {
    id: 'exec-1',
    workflowDefinitionId: 'wf-1',
    name,
    status: 'RUNNING',
    locale: 'en',
    expiresAt: '2030-01-01T00:00:00Z',
    uiOptions: {},
    steps: steps.map((s, i) => ({ id: s.id, title: s.title, type: s.type, state: i < current ? 'done' : i === current ? 'current' : 'todo' })),
    currentStepId,
    definitions: steps,
    values,
  };
}

/**
 * A running view model on `stepId` of `steps` (KYC by default), with `overrides` applied.
 * `values` default to the saved values of that step.
 */
export function sampleView(stepId: string, overrides: Partial<RunnerViewModel> = {}, steps: StepDefinition[] = KYC_STEPS): RunnerViewModel {
  const isKyb = steps === KYB_STEPS;
  const all = isKyb ? KYB_VALUES : KYC_VALUES;
  const execution = sampleExecution(steps, stepId, all, isKyb ? 'Company KYB' : 'Individual KYC');
  const index = steps.findIndex((s) => s.id === stepId);
  return {
    locale: 'en',
    phase: 'running',
    execution,
    step: steps[index] ?? null,
    stepIndex: Math.max(index, 0),
    stepCount: steps.length,
    values: {},
    allValues: all,
    fieldErrors: {},
    busy: false,
    tokenExpired: false,
    banner: null,
    uploads: {},
    confirmingCancel: false,
    registry: { status: 'idle' },
    bankQuery: '',
    ...overrides,
  };
}

/** A view model for a phase screen (loading, awaiting, complete, cancelled, error). */
export function phaseView(phase: RunnerViewModel['phase'], overrides: Partial<RunnerViewModel> = {}): RunnerViewModel {
  return sampleView('personal', { phase, step: null, ...overrides });
}

/** Actions that do nothing (the gallery); tests wrap them with sinon spies. */
export function noopActions(): RunnerActions {
  const noop = () => {};
  return {
    setValue: noop, addGroupItem: noop, removeGroupItem: noop, submit: noop, back: noop, edit: noop,
    upload: noop, cancelUpload: noop, retryUpload: noop, removeFile: noop, lookupRegistry: noop, setBankQuery: noop, retry: noop,
    dismissBanner: noop, requestCancel: noop, confirmCancel: noop, dismissCancel: noop,
  };
}

/** A small image as a data URL, for upload previews. */
export const PREVIEW_IMAGE =
  'data:image/svg+xml,' +
  encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="100"><rect width="160" height="100" fill="#dbe4ff"/><rect x="12" y="14" width="44" height="56" fill="#8da2d6"/><rect x="68" y="20" width="76" height="8" fill="#8da2d6"/><rect x="68" y="38" width="60" height="8" fill="#8da2d6"/></svg>');

/** Every state the gallery shows, by a stable id, with a title for designers. */
export function galleryStates(locale = 'en'): Array<{ id: string; title: string; view: RunnerViewModel }> {
  const l = { locale };
  return [
    { id: 'loading', title: 'Loading', view: phaseView('loading', l) },
    { id: 'form', title: 'Form: personal details (empty)', view: sampleView('personal', l) },
    {
      id: 'form-errors', title: 'Form with errors',
      view: sampleView('personal', {
        ...l,
        values: { firstName: 'Anna', email: 'anna@', phone: { countryCode: '+48', number: '12' } },
        // The widget's own messages in the UI language; the phone's is the workflow's (server) text.
        fieldErrors: {
          lastName: msg(locale, 'runner.validation.required'),
          email: msg(locale, 'runner.validation.email'),
          'phone.number': 'Enter 6 to 14 digits, without the country code.',
          nationality: msg(locale, 'runner.validation.choose'),
        },
      }),
    },
    { id: 'busy', title: 'Saving (busy)', view: sampleView('personal', { ...l, values: KYC_VALUES.personal, busy: true }) },
    {
      id: 'uploads', title: 'Uploads: one in progress, one done with preview',
      view: sampleView('identity-document', {
        ...l,
        values: { documentType: 'id-card', front: { id: 'f-1', name: 'id-front.png', size: 245000, type: 'image/png' } },
        uploads: {
          front: { name: 'id-front.png', size: 245000, type: 'image/png', progress: 1, status: 'done', previewUrl: PREVIEW_IMAGE },
          back: { name: 'id-back.jpg', size: 3100000, type: 'image/jpeg', progress: 0.42, status: 'uploading' },
        },
      }),
    },
    {
      id: 'upload-failed', title: 'Upload failed',
      view: sampleView('identity-document', {
        ...l,
        uploads: { front: { name: 'huge.pdf', size: 31000000, type: 'application/pdf', progress: 0, status: 'failed', error: msg(locale, 'runner.upload.tooLarge', { size: { bytes: 10 * 1024 * 1024 } }) } },
      }),
    },
    { id: 'registry', title: 'Registry lookup: found', view: sampleView('company-lookup', { ...l, values: { registryNumber: '0000123456' }, registry: { status: 'found', record: { registryNumber: '0000123456', companyName: 'Acme Sp. z o.o.', country: 'PL' } } }, KYB_STEPS) },
    { id: 'registry-not-found', title: 'Registry lookup: not found', view: sampleView('company-lookup', { ...l, values: { registryNumber: '0000000001' }, registry: { status: 'not-found' } }, KYB_STEPS) },
    { id: 'group', title: 'Group: beneficial owners', view: sampleView('owners', { ...l, values: KYB_VALUES.owners }, KYB_STEPS) },
    { id: 'bank', title: 'Bank: choose a bank', view: sampleView('bank', l) },
    { id: 'bank-chosen', title: 'Bank: chosen, consent and login', view: sampleView('bank', { ...l, values: { bankId: 'pl-mbank', consent: false, username: '' } }) },
    { id: 'consents', title: 'Consents', view: sampleView('consents', l) },
    { id: 'review', title: 'Review (individual)', view: sampleView('review', l) },
    { id: 'review-kyb', title: 'Review (company, with group)', view: sampleView('review', l, KYB_STEPS) },
    { id: 'banner', title: 'Banner: retryable failure', view: sampleView('consents', { ...l, banner: { code: 'network', message: msg(locale, 'runner.error.network'), retryable: true } }) },
    { id: 'token-expired', title: 'Token expired', view: sampleView('personal', { ...l, values: KYC_VALUES.personal, tokenExpired: true }) },
    { id: 'confirm-cancel', title: 'Cancel confirmation', view: sampleView('consents', { ...l, confirmingCancel: true }) },
    { id: 'awaiting', title: 'Awaiting (checks running)', view: phaseView('awaiting', l) },
    { id: 'complete', title: 'Complete', view: phaseView('complete', l) },
    { id: 'cancelled', title: 'Cancelled', view: phaseView('cancelled', l) },
    { id: 'error', title: 'Error: could not load', view: phaseView('error', { ...l, banner: { code: 'server', message: msg(locale, 'runner.error.server'), retryable: true } }) },
  ];
}
