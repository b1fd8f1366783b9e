/** English messages of the bank step (the `bank` part, `tl-workflow.bank.js`); see `en.ts`. */
export const bankStrings = {
  'views.bank.search': 'Search for your bank',
  'views.bank.count': { one: '{count} bank found', other: '{count} banks found' },
  'views.bank.none': 'No bank matches your search.',
  'views.bank.choose': 'Your bank',
  'views.bank.notListed': 'My bank is not listed',
  'views.bank.login': 'Sign in to {bank}',
  'views.bank.loginNote': 'This is a simulated bank login: any user name and password work.',
  'views.bank.username': 'User name',
  'views.bank.password': 'Password',
} as const;
