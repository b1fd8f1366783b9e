// What an Angular 20 app writes: the tag with tl-workflow/angular's directive. Every binding is
// type-checked (strictTemplates) and every $event is the element's typed event, no cast.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { TlWorkflowDirective } from 'tl-workflow/angular';

@Component({
  selector: 'app-root',
  imports: [TlWorkflowDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA], // <tl-workflow> is a custom element, not an Angular component
  template: `
    <tl-workflow
      [tokenEndpoint]="endpoint"
      apiBase="/tl-api"
      locale="pl"
      [expiryWarning]="30"
      [requestTimeout]="15000"
      (tl-ready)="log($event.detail.workflowId)"
      (tl-step-change)="step.set($event.detail.index + 1)"
      (tl-complete)="status.set($event.detail.status)"
      (tl-cancel)="log($event.detail.workflowId)"
      (tl-error)="log($event.detail.code, $event.detail.recoverable)"
      (tl-token-expiring)="log($event.detail.secondsLeft, $event.detail.expiresAt.getTime())"
      (tl-token-expired)="log($event.detail.expiresAt.toISOString())"
    ></tl-workflow>
    <p>Step {{ step() }}, {{ status() }}</p>
  `,
})
export class App {
  readonly endpoint = '/api/tl-token';
  readonly step = signal(0);
  readonly status = signal('');
  log(...values: unknown[]): void {
    console.info(...values);
  }
}
