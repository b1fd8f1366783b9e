import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { parseSettings, settingsHash } from '../../demo/studio-settings.ts';
import { schemePalette, THEME_TOKENS, themeCss } from '../../demo/theme-tokens.ts';

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

  it('"Copy CSS" gives the values the designer set, on tl-workflow; a forced scheme adds its palette', () => {
    assert.equal(themeCss({ '--tl-color-accent': '#0b5fff', '--tl-radius': '6px' }, 'auto'), 'tl-workflow {\n  --tl-color-accent: #0b5fff;\n  --tl-radius: 6px;\n}\n');
    assert.equal(themeCss({}, 'auto'), 'tl-workflow {\n}\n');
    const light = themeCss({ '--tl-color-accent': '#0b5fff' }, 'light').split('\n');
    assert.deepEqual(light.slice(0, 4), [
      '/* Light whatever the system prefers: the light palette and your changes. */',
      'tl-workflow {',
      '  --tl-color-accent: #0b5fff;',
      '  --tl-color-text: #1f2328;',
    ]);
    assert.ok(light.includes('  --tl-color-bg: #ffffff;'));
    assert.deepEqual(light.slice(-3), ['  --tl-color-scheme: light;', '}', '']);
  });

  it('the scheme in effect: the widget\'s own "light dark" unless a scheme is forced', () => {
    assert.equal(THEME_TOKENS.find((t) => t.name === '--tl-color-scheme')!.light, 'light dark');
    assert.deepEqual(schemePalette('auto'), {});
    assert.equal(schemePalette('dark')['--tl-color-scheme'], 'dark');
    assert.equal(schemePalette('dark')['--tl-color-bg'], '#16181d');
    assert.equal('--tl-color-accent-contrast' in schemePalette('dark'), false, 'computed: black or white, whichever contrasts more');
  });
});
