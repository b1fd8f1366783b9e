/**
 * English messages of the official engine (the `official` part, `tl-workflow.official.js`); see
 * `en.ts`. The title of its frame; TransactionLink's widget already running elsewhere on the page.
 */
export const officialStrings = {
  'official.frame': 'Verification',
  'official.busy.title': 'Another verification is open',
  'official.busy.body': 'This page already shows a verification. Finish or close it, then try again.',
} as const;
