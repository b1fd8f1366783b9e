import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { parseSettings, settingsHash } from '../../demo/studio-settings.ts';
import { THEME_TOKENS, themeCss } from '../../demo/theme-tokens.ts';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('theme studio', () => {
  it('edits every documented --tl-* property: the element JSDoc and the README list the same ones', async () => {
    const documented = [...(await read('src/element/tl-workflow.ts')).matchAll(/@cssprop \[?(--tl-[\w-]+)/g)].map((m) => m[1]);
    const readme = [...(await read('README.md')).matchAll(/^\| `(--tl-[\w-]+)` \|/gm)].map((m) => m[1]);
    const edited = THEME_TOKENS.map((t) => t.name);
    assert.ok(documented.length >= 14, `found ${documented.length} @cssprop`);
    assert.deepEqual([...edited].sort(), [...documented].sort());
    assert.deepEqual([...readme].sort(), [...documented].sort());
  });

  it('a link carries the state, language, scheme, width and theme, and reads back the same', () => {
    const settings = { state: 'bank', locale: 'pl', scheme: 'dark' as const, width: '375' as const, tokens: { '--tl-color-accent': '#0b5fff' } };
    const hash = settingsHash(settings);
    assert.equal(hash, '#state=bank&locale=pl&scheme=dark&width=375&--tl-color-accent=%230b5fff');
    assert.deepEqual(parseSettings(hash), settings);
    assert.equal(settingsHash(settings, 'review'), '#state=review&locale=pl&scheme=dark&width=375&--tl-color-accent=%230b5fff');
  });

  it('ignores what it does not know in a link, and falls back to the defaults', () => {
    assert.deepEqual(parseSettings('#locale=xx&scheme=purple&width=999&--not-a-token=1&color=red'), {
      state: '', locale: 'en', scheme: 'auto', width: '', tokens: {},
    });
  });

  it('"Copy CSS" gives the properties that differ from the defaults of the scheme, on tl-workflow', () => {
    assert.equal(themeCss({ '--tl-color-accent': '#0b5fff', '--tl-radius': '6px' }, 'light'), 'tl-workflow {\n  --tl-color-accent: #0b5fff;\n}\n');
    assert.equal(themeCss({}, 'dark'), 'tl-workflow {\n}\n');
  });
});
