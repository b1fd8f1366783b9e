/**
 * The journey's logic, shared by every driver: what is on screen in a `<tl-workflow>` running the
 * native renderer (on the page, or inside the replica's frame), and what a user would do next on
 * the step shown. It only reads the DOM; a driver does the typing and clicking: Playwright's
 * (playwright.ts) with real input from Node, or the browser test suite's (sendKeys / sendMouse)
 * in Chromium, Firefox and WebKit.
 *
 * `inspectWorkflow` is self-contained (no import, no outer variable) because Playwright runs it in
 * the page from its source text (`frame.evaluate(inspectWorkflow, args)`). It tells elements apart
 * by their tag and type, never by `instanceof`, so it can read a same-origin frame's document too.
 */

/** One thing a user does on the step shown. `selector` finds the control inside the element's shadow root. */
export type JourneyAction =
  | { kind: 'fill'; selector: string; path: string; value: string }
  | { kind: 'select'; selector: string; path: string; value: string; label: string }
  | { kind: 'check'; selector: string; path: string }
  | { kind: 'file'; selector: string; path: string; name: string; mimeType: string }
  | { kind: 'click'; selector: string; path: string };

/** A field the server or the widget refused, as shown next to it. */
export interface ShownError {
  path: string;
  message: string;
}

/** What `inspectWorkflow` sees. */
export type WorkflowScreen =
  | { kind: 'none' }
  | { kind: 'loading' }
  | {
      kind: 'step';
      stepId: string;
      /** A save is in flight (the primary button says so), or a file is still uploading. */
      busy: boolean;
      actions: JourneyAction[];
      errors: ShownError[];
      /** Selectors of the primary button (Continue / Submit), of Cancel verification and of its confirming Leave button. */
      primary: string;
      cancel: string | null;
      confirmLeave: string | null;
    }
  | { kind: 'end'; screen: string; text: string };

/** A chosen answer: text, a select's value or label, `true`/`false` for a checkbox, a file name for a file. */
export type Answer = string | number | boolean;

/** What `inspectWorkflow` takes. */
export interface InspectArgs {
  /** CSS selector of the `<tl-workflow>` in the document inspected. */
  selector: string;
  /** Chosen answers, by field path (`firstName`, `owners.0.lastName`) or by field name (`lastName`): always given. */
  answers: Record<string, Answer>;
  /** Valid answers, keyed the same way: given only where the control is still empty. */
  defaults: Record<string, Answer>;
}

/**
 * Reads the `<tl-workflow>` that `selector` finds: no such element, loading, a step (with the
 * actions still to do on it, in screen order: an empty list means the step is ready to continue),
 * or an end screen.
 */
export function inspectWorkflow({ selector, answers, defaults }: InspectArgs, doc: Document = document): WorkflowScreen {
  const host = doc.querySelector(selector);
  const root = host?.shadowRoot;
  if (!root) return { kind: 'none' };
  const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const form = root.querySelector('form[data-step-id]');
  // A step whose part (file fields, choices, bank, review) is still on its way has no fields yet; a
  // long list of options (countries) is put in its select just after the step is drawn.
  if (form?.getAttribute('aria-busy') === 'true' || form?.querySelector('select[aria-busy="true"]')) return { kind: 'loading' };
  if (!form) {
    const end = root.querySelector('[data-screen], .screen:not(.screen--loading)');
    if (!end) return { kind: 'loading' };
    const screen = end.getAttribute('data-screen') ?? (/screen--(\w+)/.exec(end.className)?.[1] ?? 'unknown');
    return { kind: 'end', screen, text: text(end) };
  }
  const idOf = (el: Element, fallback = `[data-field-path="${el.getAttribute('data-field-path')}"]`) => (el.id ? `#${CSS.escape(el.id)}` : fallback);
  const lookup = (table: Record<string, Answer>, path: string): Answer | undefined => {
    if (path in table) return table[path];
    const name = path.split('.').pop()!;
    return name in table ? table[name] : undefined;
  };
  const answerFor = (path: string) => lookup(answers, path);
  const fallback = (path: string) => lookup(defaults, path);
  const actions: JourneyAction[] = [];
  const seenRadio = new Set<string>();
  const controls = [...form.querySelectorAll<HTMLElement>('[data-field-path], input[data-date-part]')];
  for (const el of controls) {
    const path = el.getAttribute('data-field-path') ?? '';
    if (el.localName === 'select') {
      const select = el as HTMLSelectElement;
      const wanted = answerFor(path);
      const options = [...select.options].filter((o) => o.value !== '');
      const byAnswer = (answer: Answer | undefined) => options.find((o) => o.value === String(answer) || o.text.trim() === String(answer));
      const pick = wanted === undefined ? (select.value === '' ? (byAnswer(fallback(path)) ?? options[0]) : undefined) : byAnswer(wanted);
      if (pick && pick.value !== select.value) actions.push({ kind: 'select', selector: idOf(el), path, value: pick.value, label: pick.text.trim() });
      continue;
    }
    const input = el as HTMLInputElement;
    const field = el.localName === 'input' || el.localName === 'textarea';
    if (field && input.type === 'radio') {
      if (seenRadio.has(path)) continue;
      seenRadio.add(path);
      const group = controls.filter((c) => c.localName === 'input' && (c as HTMLInputElement).type === 'radio' && c.getAttribute('data-field-path') === path) as HTMLInputElement[];
      const wanted = answerFor(path);
      const pick = wanted === undefined ? (group.some((r) => r.checked) ? undefined : group[0]) : group.find((r) => r.value === String(wanted));
      if (pick && !pick.checked) actions.push({ kind: 'check', selector: idOf(pick), path });
    } else if (field && input.type === 'checkbox') {
      if (answerFor(path) !== false && !input.checked) actions.push({ kind: 'check', selector: idOf(el), path });
    } else if (field && input.type === 'file') {
      const wanted = answerFor(path);
      if (!input.required && wanted === undefined) continue;
      const accept = input.accept || 'application/pdf';
      const name = typeof wanted === 'string' ? wanted : accept.includes('pdf') ? `${path.replace(/\W/g, '-')}.pdf` : `${path.replace(/\W/g, '-')}.png`;
      const mimeType = /\.png$/i.test(name) ? 'image/png' : /\.jpe?g$/i.test(name) ? 'image/jpeg' : 'application/pdf';
      actions.push({ kind: 'file', selector: idOf(el), path, name, mimeType });
    } else if (field && input.dataset.datePart) {
      const fieldset = el.closest('fieldset');
      const datePath = fieldset?.querySelector('[data-field-path]')?.getAttribute('data-field-path') ?? path;
      const wanted = String(answerFor(datePath) ?? fallback(datePath) ?? '1990-05-17');
      const [year = '', month = '', day = ''] = wanted.split('-');
      const part = { year, month, day }[input.dataset.datePart as 'year' | 'month' | 'day'] ?? '';
      if (input.value === '' || (answerFor(datePath) !== undefined && Number(input.value) !== Number(part))) actions.push({ kind: 'fill', selector: idOf(el), path: datePath, value: part });
    } else if (field) {
      if (input.type === 'search') continue;
      const wanted = answerFor(path);
      if (wanted === undefined && input.value !== '') continue;
      const byType = input.type === 'email' ? 'anna@example.com' : input.type === 'number' ? input.min || '1' : 'Test';
      const value = String(wanted ?? fallback(path) ?? byType);
      if (input.value !== value) actions.push({ kind: 'fill', selector: idOf(el), path, value });
    } else if (el.localName === 'h3' && el.closest('.group')) {
      // A group with no entry yet: add one (its fields are planned once they are on screen).
      const group = el.closest('.group')!;
      const add = group.querySelector('.group__add button');
      if (add && !group.querySelector('.entry')) actions.push({ kind: 'click', selector: idOf(add), path });
    }
  }
  const errors: ShownError[] = [...form.querySelectorAll('[aria-invalid="true"]')].map((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const message = ids.map((id) => root.getElementById(id)).filter((n) => n?.matches('.error, [role="alert"]')).map(text).join(' ');
    return { path: el.getAttribute('data-field-path') ?? el.id, message };
  });
  const primary = form.querySelector<HTMLButtonElement>('[data-primary]') ?? root.querySelector<HTMLButtonElement>('[data-primary]');
  const cancel = root.querySelector('.footer__cancel');
  const leave = root.querySelector('.confirm .button--danger');
  return {
    kind: 'step',
    stepId: form.getAttribute('data-step-id')!,
    busy: primary?.getAttribute('aria-busy') === 'true' || root.querySelector('.file-card progress') !== null,
    actions,
    errors,
    primary: primary ? idOf(primary, '[data-primary]') : '[data-primary]',
    cancel: cancel ? idOf(cancel, '.footer__cancel') : null,
    confirmLeave: leave ? '.confirm .button--danger' : null,
  };
}
