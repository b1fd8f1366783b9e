/** English messages of the review step (the `review` part, `tl-workflow.review.js`); see `en.ts`. */
export const reviewStrings = {
  'views.review.edit': 'Edit',
  'views.review.empty': 'Not provided',
  'views.review.yes': 'Yes',
  'views.review.no': 'No',
  'views.review.bank': 'Bank',
  'views.review.bankOmitted': 'Bank not listed, skipped',
  'views.review.consent': 'Consent given',
  'views.review.username': 'Bank user name',
  'views.review.account': 'Account',
  'views.review.status': 'Status',
  'views.review.bankConnected': 'Connected',
  'views.review.bankTimedOut': 'Timed out, not connected',
} as const;
