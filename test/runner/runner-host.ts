import { LitElement, html, type TemplateResult } from 'lit';
import type { FieldDefinition } from '../../src/schema/api-types.js';
import { emit, type TlEventName } from '../../src/events/events.js';
import { loadLanguage } from '../../src/i18n/localize.js';
import { WorkflowController } from '../../src/runner/workflow-controller.js';
import { loadedStepPart, loadStepPart } from '../../src/engines/step-parts.js';

// The controller is driven here without the element, which loads language files: the tests' languages
// are loaded up front, and so are the step parts (the runner asks for them as the real engine does).
await Promise.all([loadLanguage('pl'), loadLanguage('de'), ...(['upload', 'group', 'choices', 'bank', 'review', 'validation'] as const).map(loadStepPart)]);

/**
 * A minimal element around `WorkflowController` for runner tests: a focusable step heading and one
 * input per top-level field (with `data-field-path`), like the real views provide.
 */
export class RunnerTestHost extends LitElement {
  /** Every tl- event fired, in order. */
  events: Array<{ name: TlEventName; detail: unknown }> = [];
  /** How often the controller reported a 401 `token-expired` (the host then expires the token, as the element does). */
  rejected = 0;
  locale = 'en';

  readonly controller = new WorkflowController(this, {
    emit: (name, detail) => {
      this.events.push({ name, detail });
      emit(this, name, detail);
    },
    locale: () => this.locale,
    tokenRefused: (refusal) => {
      if (refusal !== 'expired') return;
      this.rejected++;
      this.controller.tokenExpired();
    },
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    pollIntervalMs: 200,
    loadPart: loadStepPart,
    loadedPart: loadedStepPart,
  });

  /** Names of the events fired so far. */
  get names(): TlEventName[] {
    return this.events.map((e) => e.name);
  }

  private field(field: FieldDefinition): TemplateResult {
    return html`<label>${field.label}<input data-field-path=${field.name} /></label>`;
  }

  override render(): TemplateResult {
    const view = this.controller.view;
    return html`<h2 data-step-heading tabindex="-1">${view.step?.title ?? view.phase}</h2>
      ${(view.step?.fields ?? []).map((f) => this.field(f))}`;
  }
}

if (!customElements.get('runner-test-host')) customElements.define('runner-test-host', RunnerTestHost);

declare global {
  interface HTMLElementTagNameMap {
    'runner-test-host': RunnerTestHost;
  }
}
