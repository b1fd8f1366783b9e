/**
 * The few things the runner does to its host element: CSS custom properties from the execution's
 * `uiOptions.cssVariables` (on the host only, never on `:root`) and focus moves inside its render root.
 */

/** Sets `--*` properties from `variables` on `host`, after removing the ones set before. Returns the names set. */
export function applyCssVariables(host: HTMLElement, previous: readonly string[], variables: Record<string, string> | undefined): string[] {
  for (const name of previous) host.style.removeProperty(name);
  const applied: string[] = [];
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (!name.startsWith('--') || typeof value !== 'string') continue;
    host.style.setProperty(name, value);
    applied.push(name);
  }
  return applied;
}

/** Where the host renders: a Lit host's `renderRoot`, else the element itself. */
function renderRoot(host: HTMLElement & { renderRoot?: ParentNode }): ParentNode {
  return host.renderRoot ?? host;
}

/** Focuses the step heading (`[data-step-heading]`) without scrolling the page. Returns whether one was found. */
export function focusStepHeading(host: HTMLElement): boolean {
  const heading = renderRoot(host).querySelector<HTMLElement>('[data-step-heading]');
  heading?.focus({ preventScroll: true });
  return heading !== null;
}

/**
 * Focuses the control of a field (`[data-field-path="<path>"]`, else the first control under it,
 * e.g. `owners.0.firstName` for a group error at `owners`). Returns whether one was found.
 */
export function focusField(host: HTMLElement, path: string): boolean {
  const root = renderRoot(host);
  const quoted = CSS.escape(path);
  const control =
    root.querySelector<HTMLElement>(`[data-field-path="${quoted}"]`) ??
    root.querySelector<HTMLElement>(`[data-field-path^="${quoted}."]`);
  // The user just pressed submit: bring the field into view if needed (the browser scrolls minimally).
  control?.focus();
  return control !== null;
}
