import type { PartName, Parts } from './parts.js';

/**
 * Loads a part with dynamic `import()`. In the npm ES build each becomes its own chunk,
 * `tl-workflow.<name>.js` next to `tl-workflow.js`, which an app's bundler splits off the same way.
 * The script-tag build puts `load-part.script.ts` in place of this module (see vite.config.ts).
 */
const imports: { [K in PartName]: () => Promise<Parts[K]> } = {
  pl: () => import('../i18n/pl.js'),
  de: () => import('../i18n/de.js'),
  official: () => import('../engines/official/official-engine.js'),
};

export function loadPart<K extends PartName>(name: K): Promise<Parts[K]> {
  return imports[name]();
}
