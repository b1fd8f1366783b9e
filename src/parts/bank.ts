/**
 * The `bank` part (`tl-workflow.bank.js`): the bank step (search, bank list, consent, simulated
 * login), with its CSS and English texts. Loaded by src/engines/step-parts.ts.
 */
import { renderBankStep } from '../views/steps/bank-step.js';

export { bankStrings as strings } from '../i18n/en-bank.js';
export { bankStyles as styles } from '../views/styles/bank.js';
export const views = { bank: renderBankStep };
