// Type probe that MUST NOT compile (test/node/type-probes.test.ts): a number bound to tokenEndpoint.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import { TlWorkflowDirective } from 'tl-workflow/angular';

@Component({
  selector: 'app-wrong',
  imports: [TlWorkflowDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<tl-workflow [tokenEndpoint]="42"></tl-workflow>`,
})
export class Wrong {}
