import { msg, type MessageKey, type MessageParams } from './localize.js';

/**
 * A text the runner keeps to show later: one of the widget's own messages, stored as its key and
 * parameters (so it is rendered in the language current at render time, and switching language
 * re-renders it), or a text the server wrote (shown as it is, in the server's language `lang`).
 */
export type Message =
  | { readonly key: MessageKey; readonly params?: MessageParams }
  | { readonly text: string; readonly lang?: string };

/** One of the widget's own messages. */
export function message(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

/** A text from the server, in its language when known. */
export function serverText(text: string, lang?: string): Message {
  return lang ? { text, lang } : { text };
}

/** The text of `m` in `locale` (a server text as it is). */
export function renderMessage(m: Message, locale: string): string {
  return 'key' in m ? msg(locale, m.key, m.params) : m.text;
}

/** Renders every message of a map (field errors by path). */
export function renderMessages(map: Readonly<Record<string, Message>>, locale: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, m] of Object.entries(map)) out[path] = renderMessage(m, locale);
  return out;
}
