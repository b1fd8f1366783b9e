/**
 * English messages: the reference catalogue. Every other language must have the same keys
 * (the type of `pl.ts` enforces it). Placeholders are written `{name}`.
 * Keep keys grouped by the part of the UI that uses them.
 */
export const en = {
  // Element states (token lifecycle)
  'state.idle.title': 'Waiting to start',
  'state.idle.body': 'This verification will start as soon as the page provides an access token.',
  'state.invalid.title': 'This link is not valid',
  'state.invalid.body': 'The access token could not be read. Please reload the page or start again from where you came.',
  'state.expired.title': 'Your session has expired',
  'state.expired.body': 'For your security, sessions last a limited time. Reload the page to continue where you left off.',
  'state.expired.keep': 'Your answers on this page are kept. Reload the session to continue.',
  'state.loading': 'Loading your verification...',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
