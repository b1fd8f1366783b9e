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
import type { FetchToken, TlEvent, TlWorkflow } from 'tl-workflow';

/**
 * `<tl-workflow>` for Angular templates: typed property bindings, typed `(tl-*)` events. Its partial
 * declarations (`ɵfac`, `ɵdir`) are read by Angular's compiler as written (object literals in the
 * JavaScript, type literals in the .d.ts): the inputs (each sets the element's property of the same
 * name) are spelled out in both, the outputs (the element's events) in the .d.ts only.
 */
export class TlWorkflowDirective {
  // The outputs exist for the template type-checker only (the .d.ts): Angular listens to a `(tl-*)`
  // binding on the element itself, and would call the handler twice if the directive declared the
  // same name at run time too. The element's events are the outputs.
  declare readonly tlReady: OutputRef<TlEvent<'tl-ready'>>;
  declare readonly tlStepChange: OutputRef<TlEvent<'tl-step-change'>>;
  declare readonly tlComplete: OutputRef<TlEvent<'tl-complete'>>;
  declare readonly tlCancel: OutputRef<TlEvent<'tl-cancel'>>;
  declare readonly tlError: OutputRef<TlEvent<'tl-error'>>;
  declare readonly tlTokenExpiring: OutputRef<TlEvent<'tl-token-expiring'>>;
  declare readonly tlTokenExpired: OutputRef<TlEvent<'tl-token-expired'>>;
  private readonly element: TlWorkflow;

  constructor(ref: ElementRef<TlWorkflow>) {
    this.element = ref.nativeElement;
  }

  /** The one-time widget token. Prefer `tokenEndpoint`: with server-side rendering a bound token is in the HTML. */
  set token(value: string) {
    this.element.token = value;
  }
  /** The host's token endpoint (`widgetTokenHandler`): the element gets its tokens itself. */
  set tokenEndpoint(value: string) {
    this.element.tokenEndpoint = value;
  }
  /** The host's own way to get a token, instead of `tokenEndpoint`. */
  set fetchToken(value: FetchToken | undefined) {
    this.element.fetchToken = value;
  }
  set apiBase(value: string) {
    this.element.apiBase = value;
  }
  set engine(value: 'official' | 'native' | '') {
    this.element.engine = value;
  }
  set environment(value: 'production' | 'sandbox') {
    this.element.environment = value;
  }
  set widgetSrc(value: string) {
    this.element.widgetSrc = value;
  }
  set modal(value: boolean) {
    this.element.modal = value;
  }
  set loadTimeout(value: number) {
    this.element.loadTimeout = value;
  }
  set locale(value: string) {
    this.element.locale = value;
  }
  set expiryWarning(value: number) {
    this.element.expiryWarning = value;
  }
  set requestTimeout(value: number) {
    this.element.requestTimeout = value;
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
      loadTimeout: 'loadTimeout',
      locale: 'locale',
      expiryWarning: 'expiryWarning',
      requestTimeout: 'requestTimeout',
    },
    ngImport: i0,
  } as Parameters<typeof i0.ɵɵngDeclareDirective>[0]) as never;
}
