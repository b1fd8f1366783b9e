import { expect, oneEvent } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import type { TlErrorDetail } from '../../src/events/events.js';
import { setViewport } from '../helpers/commands.js';
import { audit, widgetToken } from '../helpers/sandbox.js';
import { until } from '../helpers/until.js';
import { button, click, continueTo, shadow, stepId } from '../e2e/driver.js';
import { executionStatus, fillPersonal, identityToReview, savedValues } from '../e2e/flows.js';
import type { PartsBuild } from '../helpers/part-faults.js';

/** A build in its frame, and what the frame saw. */
interface PartsPage {
  el: TlWorkflow;
  page: Window & typeof globalThis;
  /** Content-Security-Policy violations and uncaught errors in the frame. */
  violations: string[];
  errors: string[];
  /** The frame's clock (`performance.now()`) when `tl-ready` said the first step was drawn. */
  shownAt: number;
  /** The `tl-error` details the element sent. */
  tlErrors: TlErrorDetail[];
  executionId: string;
}

/**
 * A page of its own (test/helpers/part-faults.ts, at a URL no page used before: nothing in the
 * browser's caches) under the strict policy: `script-src 'self'`, no `unsafe-inline`,
 * `require-trusted-types-for 'script'`, `trusted-types` naming the build's one policy. Its
 * `<tl-workflow>` (`build`: the script-tag build, or the npm build as an app bundles it) gets a
 * fresh individual KYC; resolves once the first step is on screen. `fail`: a part that answers 500
 * on its first request.
 */
async function openPage(frames: HTMLIFrameElement[], build: PartsBuild, fail?: string): Promise<PartsPage> {
  const url = `/test/parts/${crypto.randomUUID()}/page.html?build=${build}${fail ? `&fail=${fail}` : ''}`;
  const frame = document.createElement('iframe');
  frame.title = `the ${build} build under a strict CSP`;
  frame.width = '980';
  // Taller than any step: the clicks need the frame to fit its content (test/helpers/mouse.ts).
  frame.height = '2400';
  frames.push(frame);
  const loaded = oneEvent(frame, 'load');
  frame.src = url;
  document.body.append(frame);
  await loaded;
  const page = frame.contentWindow! as Window & typeof globalThis;
  const found: PartsPage = { el: null!, page, violations: [], errors: [], shownAt: Number.NaN, tlErrors: [], executionId: '' };
  page.document.addEventListener('securitypolicyviolation', (e) => found.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  page.addEventListener('error', (e) => found.errors.push(String(e.message)));
  page.performance.setResourceTimingBufferSize(1000);
  const el = await until(() => page.customElements.get('tl-workflow') && page.document.querySelector<TlWorkflow>('tl-workflow'), 'the element defined in the frame');
  found.el = el;
  el.addEventListener('tl-error', (e) => found.tlErrors.push(e.detail));
  const { token, executionId } = await widgetToken();
  found.executionId = executionId;
  // `tl-ready` is sent once the first step is drawn, before the parts are asked for (same task).
  const ready = new Promise<void>((resolve) =>
    el.addEventListener('tl-ready', () => ((found.shownAt = page.performance.now()), resolve()), { once: true }),
  );
  el.apiBase = `${location.origin}/tl-api`;
  el.token = token;
  await ready;
  await el.updateComplete;
  return found;
}

/**
 * The frame's requests for part files, in order: name and start time. The npm build's parts are the
 * app's chunks, named by its bundler (`tl-workflow.upload-<hash>.js`).
 */
function partRequests(page: Window & typeof globalThis) {
  return (page.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).flatMap((entry) => {
    const name = /\/tl-workflow\.([a-z]+)(?:-[\w-]+)?\.js$/.exec(new URL(entry.name).pathname)?.[1];
    return name && name !== 'iife' ? [{ name, startTime: entry.startTime }] : [];
  });
}

/**
 * Part `name` answered 500 when it was fetched ahead, silently; the user fills the first step and
 * presses Continue: the `network` error naming the part's file, and "Try again" on screen.
 */
async function continueIntoPartError({ el, page, tlErrors }: PartsPage, name: string): Promise<void> {
  await until(() => partRequests(page).some((r) => r.name === name) || tlErrors.length > 0, `the ${name} part asked for ahead`);
  expect(tlErrors).to.deep.equal([]);
  await fillPersonal(el);
  const error = oneEvent(el, 'tl-error');
  await click(shadow(el).querySelector('[data-primary]')!);
  const { detail } = await error;
  expect(detail).to.deep.include({ code: 'network', recoverable: true });
  expect(detail.message).to.contain(`tl-workflow.${name}.js`);
  await until(() => [...shadow(el).querySelectorAll('button')].some((b) => b.textContent!.includes('Try again')), 'Try again');
}

/** From the identity document step to the end of the individual KYC, as a user does. */
async function finishFromIdentityDocument(el: TlWorkflow): Promise<void> {
  await identityToReview(el);
  expect(shadow(el).textContent).to.contain('passport.png');
  const complete = oneEvent(el, 'tl-complete');
  await click(shadow(el).querySelector('[data-primary]')!);
  expect((await complete).detail).to.deep.include({ status: 'COMPLETED' });
}

/**
 * The step types a plain first step does not need ship as parts: next to the script-tag file,
 * loaded with `import()` (allowed by `script-src 'self'`, no Trusted Types sink), and in the npm
 * build as chunks the app's bundler splits off (upload, choices, bank and review for the
 * individual KYC). Driven from this (parent) frame with real clicks and keys.
 */
for (const build of ['iife', 'npm'] as const) {
  describe(`<tl-workflow> ${build === 'iife' ? 'script-tag' : 'npm'} build under a strict CSP: the step parts of a KYC journey`, () => {
    const frames: HTMLIFrameElement[] = [];
    before(() => setViewport({ width: 1000, height: 900 }));
    afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

    it('fetches each part the workflow needs once, after its first step is on screen, and completes', async () => {
      const policy = (await fetch(`/test/parts/${crypto.randomUUID()}/page.html?build=${build}`)).headers.get('content-security-policy') ?? '';
      expect(policy).to.contain("script-src 'self'").and.contain("require-trusted-types-for 'script'").and.contain(build === 'iife' ? 'trusted-types tl-workflow;' : 'trusted-types lit-html;');
      expect(policy).not.to.contain('unsafe-inline');
      const { el, page, shownAt, violations, errors, tlErrors, executionId } = await openPage(frames, build);

      await fillPersonal(el);
      await continueTo(el, 'identity-document');
      await finishFromIdentityDocument(el);
      expect(await executionStatus(executionId)).to.equal('COMPLETED');

      const requests = partRequests(page);
      expect(requests.map((r) => r.name).sort(), 'each part once').to.deep.equal(['bank', 'choices', 'review', 'upload', 'validation']);
      for (const request of requests) expect(request.startTime, `${request.name} asked for after the first step was shown`).to.be.at.least(shownAt);
      expect(violations).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
      expect(tlErrors).to.deep.equal([]);
    });

    it('a part answering 500 once: the step that needs it says network with Try again, the answers are kept, and the journey completes', async () => {
      const opened = await openPage(frames, build, 'upload');
      const { el, page, violations, errors, tlErrors, executionId } = opened;
      // Fetched ahead while the first step is on screen, the part failed silently: no step needed it yet.
      await continueIntoPartError(opened, 'upload');
      expect(await savedValues(executionId, 'personal'), 'the first step saved').to.deep.include({ firstName: 'Anna', lastName: 'Nowak' });

      await click(button(el, 'Try again'));
      await until(() => stepId(el) === 'identity-document' && shadow(el).querySelector('[data-field-path="front"]'), 'the identity document step with its file field');
      await finishFromIdentityDocument(el);
      expect(await executionStatus(executionId)).to.equal('COMPLETED');
      expect(tlErrors.map((e) => e.code), `one error: the part (${JSON.stringify(tlErrors)})`).to.deep.equal(['network']);
      expect(partRequests(page).filter((r) => r.name === 'upload'), 'the part asked for twice: the 500, then Try again').to.have.length(2);
      expect(violations).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });

    it('the validation part answering 500 once: Continue says network with Try again, nothing is sent or lost, and Try again sends the step', async () => {
      const opened = await openPage(frames, build, 'validation');
      const { el, page, violations, errors, tlErrors, executionId } = opened;
      await continueIntoPartError(opened, 'validation');
      expect(stepId(el)).to.equal('personal');
      expect((await audit(executionId)).saves, 'nothing sent unchecked').to.deep.equal({});
      expect(shadow(el).querySelector<HTMLInputElement>('[data-field-path="lastName"]')!.value, 'the answers kept').to.equal('Nowak');

      await click(button(el, 'Try again'));
      await until(() => stepId(el) === 'identity-document' && shadow(el).querySelector('[data-field-path="front"]'), 'the identity document step');
      expect(await savedValues(executionId, 'personal')).to.deep.include({ firstName: 'Anna', lastName: 'Nowak' });
      await finishFromIdentityDocument(el);
      expect(await executionStatus(executionId)).to.equal('COMPLETED');
      expect(tlErrors.map((e) => e.code), `one error: the part (${JSON.stringify(tlErrors)})`).to.deep.equal(['network']);
      expect(partRequests(page).filter((r) => r.name === 'validation'), 'the part asked for twice: the 500, then Try again').to.have.length(2);
      expect(violations).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });
  });
}
