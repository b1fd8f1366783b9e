/**
 * `tl-workflow/angular`: `TlWorkflowDirective`, a standalone Angular directive on `<tl-workflow>`
 * that types its bindings for the template type-checker (`strictTemplates`): `[tokenEndpoint]`,
 * `[token]`, `[apiBase]`, `[locale]`, `[expiryWarning]`, `[requestTimeout]`, ... must have the
 * element's types, and `(tl-complete)="done($event.detail.status)"` gets the typed event, no cast.
 * Importing it registers `<tl-workflow>` (through `tl-workflow`).
 *
 * ```ts
 * @Component({
 *   imports: [TlWorkflowDirective],
 *   schemas: [CUSTOM_ELEMENTS_SCHEMA], // <tl-workflow> is a custom element, not an Angular component
 *   template: `<tl-workflow tokenEndpoint="/api/tl-token" (tl-complete)="done($event.detail.status)" />`,
 * })
 * ```
 *
 * The directive is shipped in Angular's partial compilation format (what Angular libraries ship,
 * written out here): the Angular CLI's linker turns it into a definition when the app is built.
 */
import * as i0 from '@angular/core';
import type { ElementRef, OutputRef } from '@angular/core';
import 'tl-workflow';
import type { CamelCase, TlEvent, TlEventName, TlWorkflow, TlWorkflowProperty } from 'tl-workflow';

/** An input per public property of the element: setting it sets the element's property. */
type TlWorkflowInputs = { [K in TlWorkflowProperty]: TlWorkflow[K] };

/** An output per `tl-` event, named in camelCase (`tl-step-change` -> `tlStepChange`). */
type TlWorkflowOutputs = { readonly [K in TlEventName as CamelCase<K>]: OutputRef<TlEvent<K>> };

/**
 * `<tl-workflow>` for Angular templates: typed property bindings, typed `(tl-*)` events. Its partial
 * declarations (`ɵfac`, `ɵdir`) are read by Angular's compiler as written (object literals in the
 * JavaScript, type literals in the .d.ts), so the inputs (each sets the element's property of the
 * same name) are spelled out in both, the outputs (the element's events) in the .d.ts only; the
 * class implements the element's properties and events (the compiler reports a missing one), and
 * test/node/framework-typings.test.ts checks both lists against the custom-elements manifest.
 */
export class TlWorkflowDirective implements TlWorkflowInputs, TlWorkflowOutputs {
  // The outputs exist for the template type-checker only (the .d.ts): Angular listens to a `(tl-*)`
  // binding on the element itself, and would call the handler twice if the directive declared the
  // same name at run time too. The element's events are the outputs.
  declare readonly tlReady: TlWorkflowOutputs['tlReady'];
  declare readonly tlStepChange: TlWorkflowOutputs['tlStepChange'];
  declare readonly tlComplete: TlWorkflowOutputs['tlComplete'];
  declare readonly tlCancel: TlWorkflowOutputs['tlCancel'];
  declare readonly tlError: TlWorkflowOutputs['tlError'];
  declare readonly tlTokenExpiring: TlWorkflowOutputs['tlTokenExpiring'];
  declare readonly tlTokenExpired: TlWorkflowOutputs['tlTokenExpired'];
  readonly #element: TlWorkflow;

  constructor(ref: ElementRef<TlWorkflow>) {
    this.#element = ref.nativeElement;
  }

  /** The one-time widget token. Prefer `tokenEndpoint`: with server-side rendering a bound token is in the HTML. */
  set token(value: TlWorkflow['token']) {
    this.#element.token = value;
  }
  /** The host's token endpoint (`widgetTokenHandler`): the element gets its tokens itself. */
  set tokenEndpoint(value: TlWorkflow['tokenEndpoint']) {
    this.#element.tokenEndpoint = value;
  }
  /** The host's own way to get a token, instead of `tokenEndpoint`. */
  set fetchToken(value: TlWorkflow['fetchToken']) {
    this.#element.fetchToken = value;
  }
  set apiBase(value: TlWorkflow['apiBase']) {
    this.#element.apiBase = value;
  }
  set engine(value: TlWorkflow['engine']) {
    this.#element.engine = value;
  }
  set environment(value: TlWorkflow['environment']) {
    this.#element.environment = value;
  }
  set widgetSrc(value: TlWorkflow['widgetSrc']) {
    this.#element.widgetSrc = value;
  }
  set modal(value: TlWorkflow['modal']) {
    this.#element.modal = value;
  }
  set placement(value: TlWorkflow['placement']) {
    this.#element.placement = value;
  }
  set loadTimeout(value: TlWorkflow['loadTimeout']) {
    this.#element.loadTimeout = value;
  }
  set locale(value: TlWorkflow['locale']) {
    this.#element.locale = value;
  }
  set expiryWarning(value: TlWorkflow['expiryWarning']) {
    this.#element.expiryWarning = value;
  }
  set requestTimeout(value: TlWorkflow['requestTimeout']) {
    this.#element.requestTimeout = value;
  }

  static ɵfac: i0.ɵɵFactoryDeclaration<TlWorkflowDirective, never> = i0.ɵɵngDeclareFactory({
    minVersion: '12.0.0',
    version: '20.0.0',
    ngImport: i0,
    type: TlWorkflowDirective,
    deps: [{ token: i0.ElementRef }],
    target: i0.ɵɵFactoryTarget.Directive,
  } as Parameters<typeof i0.ɵɵngDeclareFactory>[0]) as never;

  static ɵdir: i0.ɵɵDirectiveDeclaration<
    TlWorkflowDirective,
    'tl-workflow',
    never,
    {
      token: { alias: 'token'; required: false };
      tokenEndpoint: { alias: 'tokenEndpoint'; required: false };
      fetchToken: { alias: 'fetchToken'; required: false };
      apiBase: { alias: 'apiBase'; required: false };
      engine: { alias: 'engine'; required: false };
      environment: { alias: 'environment'; required: false };
      widgetSrc: { alias: 'widgetSrc'; required: false };
      modal: { alias: 'modal'; required: false };
      placement: { alias: 'placement'; required: false };
      loadTimeout: { alias: 'loadTimeout'; required: false };
      locale: { alias: 'locale'; required: false };
      expiryWarning: { alias: 'expiryWarning'; required: false };
      requestTimeout: { alias: 'requestTimeout'; required: false };
    },
    {
      tlReady: 'tl-ready';
      tlStepChange: 'tl-step-change';
      tlComplete: 'tl-complete';
      tlCancel: 'tl-cancel';
      tlError: 'tl-error';
      tlTokenExpiring: 'tl-token-expiring';
      tlTokenExpired: 'tl-token-expired';
    },
    never,
    never,
    true,
    never
  > = i0.ɵɵngDeclareDirective({
    minVersion: '14.0.0',
    version: '20.0.0',
    type: TlWorkflowDirective,
    isStandalone: true,
    selector: 'tl-workflow',
    inputs: {
      token: 'token',
      tokenEndpoint: 'tokenEndpoint',
      fetchToken: 'fetchToken',
      apiBase: 'apiBase',
      engine: 'engine',
      environment: 'environment',
      widgetSrc: 'widgetSrc',
      modal: 'modal',
      placement: 'placement',
      loadTimeout: 'loadTimeout',
      locale: 'locale',
      expiryWarning: 'expiryWarning',
      requestTimeout: 'requestTimeout',
    } satisfies { [K in TlWorkflowProperty]: K },
    ngImport: i0,
  } as Parameters<typeof i0.ɵɵngDeclareDirective>[0]) as never;
}
