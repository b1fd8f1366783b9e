import type * as Official from '../engines/official/official-engine.js';
import type * as Language from '../i18n/pl.js';

/**
 * The parts of the widget that are not in its main file, and what each one's module exports.
 * Both builds ship each part next to the main file as `tl-workflow.<name>.js`, a standalone ES
 * module with no imports of its own (vite.config.ts fails the build otherwise): the npm build as
 * an `import()` chunk an app's bundler splits off, the script-tag build as a file it imports from
 * its own URL. A part is loaded the first time it is needed, once per page.
 *
 * - `pl`, `de`: a language file, the widget's own texts in that language (src/i18n/<lang>.ts).
 *   English is built in and stands in until (and unless) the file arrives.
 * - `official`: the official engine (src/engines/official/official-engine.ts), loaded when
 *   `engine` resolves to `official`; that path loads TransactionLink's own script anyway.
 */
export interface Parts {
  pl: typeof Language;
  de: typeof Language;
  official: typeof Official;
}

export type PartName = keyof Parts;

/** The file a part ships as, next to `tl-workflow.js` / `tl-workflow.iife.js`. */
export const partFileName = (name: PartName): string => `tl-workflow.${name}.js`;
