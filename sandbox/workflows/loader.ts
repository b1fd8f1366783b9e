/**
 * The demo workflow definitions (the JSON files in this folder) and the shared data they reference
 * (`sandbox/data/*.json`), turned into the wire `StepDefinition`s. The JSON is imported, not read
 * from disk: the same catalog runs in Node and in the static site's service worker (site/).
 *
 * Conventions of the JSON files (documented in sandbox/API.md):
 * - any text may be `{"en": "...", "pl": "...", "de": "..."}` (see i18n.ts);
 * - `"options": "@countries"` / `"@calling-codes"` and `"banks": "@banks"` reference shared lists;
 * - a link `href` starting with `/` is served by the sandbox and made absolute per request;
 * - a date `min`/`max` may be relative: `"@today"`, `"@today-18y"`, `"@today+30d"` (units y, m, d),
 *   resolved to an ISO date on every request.
 */
import type { Bank, ExecutionStatus, StepDefinition, UiOptions } from '../../src/schema/api-types.ts';
import banks from '../data/banks.json';
import callingCodes from '../data/calling-codes.json';
import countries from '../data/countries.json';
import registry from '../data/registry.json';
import { localise, type Language } from '../i18n.ts';
import individualKyc from './01-individual-kyc.json';
import companyKyb from './02-company-kyb.json';

/** A workflow definition as stored in its JSON file (text still untranslated). */
export interface WorkflowData {
  id: string;
  name: unknown;
  description: unknown;
  /** Status an execution takes when the review step is saved. */
  onSubmit: Extract<ExecutionStatus, 'COMPLETED' | 'AWAITING'>;
  uiOptions: UiOptions;
  steps: Array<Record<string, unknown>>;
}

/** A company as the registry lookup returns it. */
export type RegistryData = Record<string, string>;

/** Resolves `@today`, `@today-18y`, `@today+2m`, `@today-7d` against `today`; other values pass through. */
function resolveDate(value: unknown, today: Date): unknown {
  if (typeof value !== 'string' || !value.startsWith('@today')) return value;
  const match = /^@today(?:([+-])(\d+)([ymd]))?$/.exec(value);
  if (!match) throw new Error(`Unknown relative date ${value}`);
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  if (match[1]) {
    const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
    if (match[3] === 'y') date.setUTCFullYear(date.getUTCFullYear() + amount);
    if (match[3] === 'm') date.setUTCMonth(date.getUTCMonth() + amount);
    if (match[3] === 'd') date.setUTCDate(date.getUTCDate() + amount);
  }
  return date.toISOString().slice(0, 10);
}

/** The demo workflows and the data they share. */
export class WorkflowCatalog {
  readonly workflows: WorkflowData[];
  readonly banks: Bank[];
  readonly registry: RegistryData[];
  private readonly lists: Record<string, unknown>;
  /** Resolved definitions by workflow, language, base URL and day (they are immutable once built). */
  private readonly cache = new Map<string, StepDefinition[]>();

  constructor() {
    this.banks = banks as Bank[];
    this.registry = registry as RegistryData[];
    this.lists = { '@countries': countries, '@calling-codes': callingCodes, '@banks': this.banks };
    // In the order of their file names.
    this.workflows = [individualKyc, companyKyb] as unknown as WorkflowData[];
  }

  /** The workflow definition with this id, if any. */
  get(id: string): WorkflowData | undefined {
    return this.workflows.find((workflow) => workflow.id === id);
  }

  /** `GET /workflow-definitions`: id, name and description of each, in English. */
  summaries(): Array<{ id: string; name: string; description: string }> {
    return this.workflows.map((w) => ({
      id: w.id,
      name: localise<string>(w.name, 'en'),
      description: localise<string>(w.description, 'en'),
    }));
  }

  /** The workflow's name in a language. */
  name(workflow: WorkflowData, language: Language): string {
    return localise<string>(workflow.name, language);
  }

  /**
   * The wire step definitions: references expanded, relative dates resolved, text translated,
   * links starting with `/` made absolute against `baseUrl`. Cached: treat the result as read-only.
   */
  steps(workflow: WorkflowData, language: Language, baseUrl = '', today = new Date()): StepDefinition[] {
    const key = [workflow.id, language, baseUrl, today.toISOString().slice(0, 10)].join('|');
    let steps = this.cache.get(key);
    if (!steps) {
      const expanded = workflow.steps.map((step) => this.expand(step, today, baseUrl));
      steps = sortCountries(localise<StepDefinition[]>(expanded, language), language);
      this.cache.set(key, steps);
    }
    return steps;
  }

  /** The registry record with this number, if any. */
  registryRecord(registryNumber: string): RegistryData | undefined {
    return this.registry.find((record) => record.registryNumber === registryNumber);
  }

  private expand(value: unknown, today: Date, baseUrl: string): unknown {
    if (Array.isArray(value)) return value.map((item) => this.expand(item, today, baseUrl));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'options' || key === 'banks') && typeof item === 'string') {
        if (!(item in this.lists)) throw new Error(`Unknown list ${item}`);
        out[key] = this.lists[item];
      } else if (key === 'min' || key === 'max') {
        out[key] = resolveDate(item, today);
      } else if (key === 'href' && typeof item === 'string' && item.startsWith('/')) {
        out[key] = baseUrl + item;
      } else {
        out[key] = this.expand(item, today, baseUrl);
      }
    }
    return out;
  }
}

/**
 * Each `country` field's options sorted by label in `language` (API.md: the widget lists them as
 * they come when it shows the API's labels). Groups are searched for country fields too.
 */
function sortCountries(steps: StepDefinition[], language: Language): StepDefinition[] {
  const collator = new Intl.Collator(language);
  const visit = (fields: unknown): void => {
    if (!Array.isArray(fields)) return;
    for (const field of fields as Array<{ type?: string; options?: Array<{ label: string }>; fields?: unknown }>) {
      if (field.type === 'country' && Array.isArray(field.options)) field.options = [...field.options].sort((a, b) => collator.compare(a.label, b.label));
      visit(field.fields);
    }
  };
  for (const step of steps) visit((step as { fields?: unknown }).fields);
  return steps;
}
