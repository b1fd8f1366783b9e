/** English messages of group fields (the `group` part, `tl-workflow.group.js`); see `en.ts`. */
export const groupStrings = {
  'views.group.add': 'Add {label}',
  'views.group.remove': 'Remove',
  'views.group.max': 'You can add up to {max}.',
} as const;
