import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { THEME_DEFAULTS } from '../../src/views/styles/theme-defaults.ts';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

/** What the docs write as a property's default: `light / dark`, or one value when the scheme does not matter. */
const documented = (light: string, dark: string): string => (light === dark ? `\`${light}\`` : `\`${light}\` / \`${dark}\``);

describe('theme defaults (src/views/styles/theme-defaults.ts) and their documentation', () => {
  it("the README's custom-property table lists every property with the defaults the styles use", async () => {
    const rows = [...(await read('README.md')).matchAll(/^\| `(--tl-[\w-]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]);
    assert.deepEqual(rows.map(([name]) => name), THEME_DEFAULTS.map((d) => d.name), 'same properties, same order');
    for (const [name, text] of rows) {
      const d = THEME_DEFAULTS.find((x) => x.name === name)!;
      if (d.computed) assert.doesNotMatch(text, /#/, `${name}: computed from the accent, no fixed colour`);
      else assert.equal(text, documented(d.light, d.dark), name);
    }
  });

  it("the element's @cssprop list (the custom elements manifest) gives the same light defaults", async () => {
    const props = [...(await read('src/element/tl-workflow.ts')).matchAll(/@cssprop (?:\[(--tl-[\w-]+)=([^\]]+)\]|(--tl-[\w-]+))/g)];
    assert.deepEqual(props.map((m) => m[1] ?? m[3]), THEME_DEFAULTS.map((d) => d.name), 'same properties, same order');
    for (const m of props) {
      const d = THEME_DEFAULTS.find((x) => x.name === (m[1] ?? m[3]))!;
      assert.equal(m[2], d.computed ? undefined : d.light, d.name);
    }
  });

  it('no style module writes a default of its own: every --tl-* property is read once, by the theme', async () => {
    for (const path of ['src/element/styles.ts', 'src/views/styles/base.ts', 'src/views/styles/fields.ts', 'src/views/styles/steps.ts', 'src/views/styles/adaptive.ts']) {
      assert.deepEqual([...(await read(path)).matchAll(/var\((--tl-[\w-]+)/g)].map((m) => m[1]), [], path);
    }
  });
});
