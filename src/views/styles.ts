import type { CSSResult } from 'lit';
import { partStyles } from './part-views.js';
import { adaptiveStyles } from './styles/adaptive.js';
import { baseStyles } from './styles/base.js';
import { fieldsStyles } from './styles/fields.js';
import { stepsStyles } from './styles/steps.js';
import { themeStyles } from './styles/theme.js';

/**
 * Styles of the step views, for the element's `static styles` (next to its own `:host` rules), the
 * rules of the parts that have loaded included (`partStyles`). Everything is scoped to the shadow
 * root; nothing touches the host page.
 *
 * CSS custom properties: the `--tl-*` list with its light and dark defaults is `styles/theme-defaults.ts`
 * (documented in the element's `@cssprop` tags and the README; a test keeps the three in step).
 *
 * Parts:
 * - `header`: workflow name, progress, step list and step heading.
 * - `step`: the displayed step (a `<form>`) or a phase screen (loading, awaiting, complete, cancelled, error).
 * - `field`: one field (label, hint, control, error).
 * - `error`: a field's error message.
 * - `group-entry`: one entry (fieldset) of a repeatable group.
 * - `button`: every button.
 * - `footer`: Back, Continue/Submit and Cancel.
 * - `banner`: the failure banner and the session-timed-out notice.
 */
export const runnerStyles: CSSResult[] = [themeStyles, baseStyles, fieldsStyles, stepsStyles, partStyles, adaptiveStyles];
