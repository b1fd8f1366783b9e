import type { CatalogueEntry } from './format.js';
import type { bankStrings } from './en-bank.js';
import type { choicesStrings } from './en-choices.js';
import type { groupStrings } from './en-group.js';
import type { officialStrings } from './en-official.js';
import type { reviewStrings } from './en-review.js';
import type { uploadStrings } from './en-upload.js';
import type { validationStrings } from './en-validation.js';

/**
 * English messages of the main file: the reference catalogue, with those of the step types that
 * ship as parts (`en-upload.ts`, `en-group.ts`, `en-choices.ts`, `en-bank.ts`, `en-review.ts`), of the
 * validation (`en-validation.ts`) and of the official engine (`en-official.ts`), in their parts and
 * added when they load). Every other language must have the same keys, the parts' included
 * (the type of `pl.ts` and `de.ts` enforces it, and test/i18n checks every catalogue at run time).
 * Placeholders are written `{name}`; an entry with plural forms (`{ one, other }`) is chosen by
 * its `{count}` parameter with `Intl.PluralRules`. Keep keys grouped by the part of the UI that uses them.
 */
export const en = {
  // Element states (token lifecycle)
  'state.idle.title': 'Waiting to start',
  'state.idle.body': 'This verification will start as soon as the page provides a widget token.',
  'state.invalid.title': 'This link is not valid',
  'state.invalid.body': 'The widget token could not be read. Please reload the page or start again from where you came.',
  'state.unavailable.title': 'This verification could not start',
  'state.unavailable.body': 'Your access to it could not be confirmed. Try again, or reload the page.',
  // Expired, and a new token is on its way (token-endpoint / fetchToken): nothing for the user to do
  'state.renewing.title': 'Renewing your session',
  'state.renewing.body': 'For your security, sessions last a limited time. A new one is on its way: you will continue where you left off.',
  // Expired, and no new token is coming by itself: the page that opened the verification must start a new session
  'state.expired.title': 'Your session has expired',
  'state.expired.body': 'For your security, sessions last a limited time. To continue, open the verification again from where you started it.',
  // Views (src/views/): step views, header, footer, phase screens
  'views.progress': 'Step {current} of {total}',
  'views.steps.label': 'Steps',
  'views.steps.done': '(completed)',
  'views.steps.current': '(current step)',
  'views.steps.todo': '(not started)',
  'views.requiredNote': 'Fields marked with * are required.',
  'views.errorPrefix': 'Error:',
  'views.select.placeholder': 'Choose...',
  'views.country.placeholder': 'Choose a country',
  'views.tel.code': 'Country calling code',
  'views.tel.number': 'Phone number',
  'views.date.day': 'Day',
  'views.date.month': 'Month',
  'views.date.year': 'Year',
  // A group's entry title ("Beneficial owner 2"): the group part's and the review's.
  'views.group.item': '{label} {n}',
  'views.registry.number': 'Company registry number',
  'views.registry.find': 'Find company',
  'views.registry.searching': 'Searching the registry...',
  'views.registry.found': 'Company found. We filled in its details for you.',
  'views.registry.notFound': 'We could not find a company with this number. Check the number, or continue and enter the details yourself.',
  'views.registry.error': 'The registry cannot be searched right now. Try again, or continue and enter the details yourself.',
  'views.registry.companyName': 'Company name',
  'views.registry.registryNumber': 'Registry number',
  'views.registry.country': 'Country',
  'views.footer.back': 'Back',
  'views.footer.continue': 'Continue',
  'views.footer.submit': 'Submit',
  'views.footer.saving': 'Saving...',
  'views.footer.cancel': 'Cancel verification',
  'views.cancel.title': 'Leave the verification?',
  'views.cancel.body': 'If you leave now, the verification is cancelled and you will have to start again.',
  'views.cancel.leave': 'Leave',
  'views.cancel.stay': 'Stay',
  // "Try again" wherever something can be retried: the failure banner, an upload, the error screens.
  'views.banner.retry': 'Try again',
  'views.banner.dismiss': 'Dismiss',
  'views.expired.title': 'Your session timed out',
  'views.expired.body': 'Your answers are kept. The page will renew your session; if nothing happens, reload the page. Sending is paused until then.',
  'views.loading': 'Loading your verification...',
  'views.awaiting.title': 'Thank you, we have your answers',
  'views.awaiting.body': 'We are still running a few checks. You can close this page: we will let you know the result.',
  'views.complete.title': 'All done',
  'views.complete.body': 'Your verification is complete. Thank you.',
  'views.cancelled.title': 'You left the verification',
  'views.cancelled.body': 'Nothing more is needed from you now. To finish later, start again from where you came.',
  'views.error.title': 'We could not load your verification',
  'views.error.body': 'Check your connection and try again.',
  // Runner (src/runner/): banner errors (the validation messages are in `en-validation.ts`)
  'runner.error.network': 'We could not reach the server. Check your connection and try again.',
  'runner.error.server': 'Something went wrong on our side. Try again in a moment.',
  'runner.error.rateLimited': 'Too many attempts. Wait a moment and try again.',
  'runner.error.unauthorized': 'This session is not valid any more. Reload the page to start again.',
  'runner.error.notFound': 'This verification could not be found.',
  'runner.error.conflict': 'This verification was changed elsewhere. We loaded its latest state.',
  'runner.error.validation': 'Some answers need your attention.',
  'runner.error.uploadFailed': 'The file could not be uploaded. Try again.',
  'runner.error.unexpected': 'Something unexpected happened. Reload the page to continue.',
  'runner.error.expired': 'This verification has expired. Start again from where you came.',
} as const;

/** Every message key: the main file's and the parts'. */
export type MessageKey =
  | keyof typeof en
  | keyof typeof uploadStrings
  | keyof typeof validationStrings
  | keyof typeof bankStrings
  | keyof typeof reviewStrings
  | keyof typeof officialStrings
  | keyof typeof groupStrings
  | keyof typeof choicesStrings;
export type Catalogue = Record<MessageKey, CatalogueEntry>;
