/** English messages of radio and checkbox fields (the `choices` part, `tl-workflow.choices.js`); see `en.ts`. */
export const choicesStrings = {
  'views.link.newTab': '(opens in a new tab)',
} as const;
