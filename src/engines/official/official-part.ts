/**
 * The `official` part (`tl-workflow.official.js`): the official engine, its view and its English
 * texts. Loaded by `OfficialOnDemand` (official-on-demand.ts) when `engine` resolves to `official`.
 */
export { OfficialEngine } from './official-engine.js';
export { officialStrings as strings } from '../../i18n/en-official.js';
