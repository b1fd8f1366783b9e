import type { CSSResult } from 'lit';
import { adaptiveStyles } from './styles/adaptive.js';
import { baseStyles } from './styles/base.js';
import { fieldsStyles } from './styles/fields.js';
import { stepsStyles } from './styles/steps.js';

/**
 * Styles of the step views, for the element's `static styles` (next to its own `:host` rules).
 * Everything is scoped to the shadow root; nothing touches the host page.
 *
 * CSS custom properties (set them on `<tl-workflow>`; each has a fallback, light and dark):
 * - `--tl-color-accent`: primary buttons, focus ring, progress, selected states. Default `#1d4ed8` (dark: `#8ab4f8`).
 * - `--tl-color-accent-contrast`: text on the accent colour. Default `#ffffff` (dark: `#0b1220`).
 * - `--tl-color-text`: body text. Default `#1f2328` (dark: `#e6e8eb`).
 * - `--tl-color-muted`: hints and secondary text. Default `#4b5563` (dark: `#b4bac3`).
 * - `--tl-color-bg`: widget background. Default `#ffffff` (dark: `#16181d`).
 * - `--tl-color-surface`: cards, drop zone, review sections. Default `#f4f5f7` (dark: `#20242b`).
 * - `--tl-color-border`: control and card borders (3:1 against the background). Default `#6b7280` (dark: `#8b93a1`).
 * - `--tl-color-danger`: errors and the Leave button. Default `#b42318` (dark: `#ff8a80`).
 * - `--tl-color-success`: found / uploaded states. Default `#1a7f37` (dark: `#7ee2a8`).
 * - `--tl-radius`: corner radius of controls and cards. Default `6px`.
 * - `--tl-font-family`: font stack. Default `system-ui, sans-serif`.
 * - `--tl-font-size`: base font size. Default `1rem`.
 * - `--tl-space`: base spacing unit. Default `1rem`.
 * - `--tl-color-scheme`: the `color-scheme` of native controls. Default `light dark`.
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
export const runnerStyles: CSSResult[] = [baseStyles, fieldsStyles, stepsStyles, adaptiveStyles];
