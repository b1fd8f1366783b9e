/**
 * The demo page's status line: what the widget is doing, in one sentence, from its `tl-*` events
 * (ready, step N of M, complete, cancelled, error, the token's expiry). Nothing of the token.
 */
import type { TlEventDetailMap, TlEventName } from '../src/events/events.js';

/** How the workflow on screen was started: the renewal advice differs. */
export type StartedBy = 'backend' | 'pasted';

type Sentences = { [K in TlEventName]: (detail: TlEventDetailMap[K], startedBy: StartedBy) => string };

const SENTENCES: Sentences = {
  'tl-ready': () => 'Ready: the workflow is on screen.',
  'tl-step-change': ({ index, total }) => `Step ${index + 1} of ${total}.`,
  'tl-complete': ({ status }) => `Complete (${status}).`,
  'tl-cancel': () => 'Cancelled: the user left the workflow.',
  'tl-error': ({ code, message, recoverable }) => `Error (${code}): ${message}${recoverable ? ' The widget offers to try again.' : ''}`,
  'tl-token-expiring': ({ secondsLeft }, startedBy) =>
    `The token expires in ${secondsLeft} s: ${startedBy === 'backend' ? 'renew it to go on.' : 'paste a fresh one to go on.'}`,
  'tl-token-expired': (_, startedBy) =>
    `The token expired: ${startedBy === 'backend' ? 'renew it' : 'paste a fresh one'}, and the widget resumes where the user was.`,
};

/** The status sentence for a `tl-*` event of the widget. */
export function widgetStatus<K extends TlEventName>(name: K, detail: TlEventDetailMap[K], startedBy: StartedBy): string {
  return SENTENCES[name](detail, startedBy);
}

/** Every event the demo page listens to. */
export const EVENT_NAMES = Object.keys(SENTENCES) as TlEventName[];
