// What an Angular 20 app writes: the tag with tl-workflow/angular's directive. Every binding is
// type-checked (strictTemplates) and every $event is the element's typed event, no cast. "Start"
// signs in to the demo backend (a session cookie) first; the element then gets its token from the
// backend's widgetTokenHandler by itself.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { TlWorkflowDirective } from 'tl-workflow/angular';

@Component({
  selector: 'app-root',
  imports: [TlWorkflowDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA], // <tl-workflow> is a custom element, not an Angular component
  template: `
    <main>
      <h1>&lt;tl-workflow&gt; in Angular 20</h1>
      <p><button type="button" (click)="start()">Start a verification</button></p>
      @if (started()) {
        <tl-workflow
          [tokenEndpoint]="endpoint"
          apiBase="/tl-api"
          locale="en"
          [expiryWarning]="30"
          [requestTimeout]="15000"
          (tl-ready)="log('tl-ready ' + $event.detail.workflowId)"
          (tl-step-change)="log('tl-step-change ' + ($event.detail.index + 1) + '/' + $event.detail.total)"
          (tl-complete)="log('tl-complete ' + $event.detail.status)"
          (tl-cancel)="log('tl-cancel ' + $event.detail.workflowId)"
          (tl-error)="log('tl-error ' + $event.detail.code + ' ' + $event.detail.recoverable)"
          (tl-token-expiring)="log('tl-token-expiring ' + $event.detail.secondsLeft)"
          (tl-token-expired)="log('tl-token-expired ' + $event.detail.expiresAt.toISOString())"
        ></tl-workflow>
      }
      <ol id="events">
        @for (line of events(); track $index) {
          <li>{{ line }}</li>
        }
      </ol>
    </main>
  `,
})
export class App {
  readonly endpoint = '/demo-api/token';
  readonly started = signal(false);
  readonly events = signal<string[]>([]);

  async start(): Promise<void> {
    await fetch('/demo-api/start', { method: 'POST', body: JSON.stringify({ kind: 'kyc' }) });
    this.started.set(true);
  }

  log(line: string): void {
    this.events.update((lines) => [...lines, line]);
  }
}
