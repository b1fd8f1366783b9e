import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { docsState } from '../../scripts/docs.ts';

const ROOT = new URL('../../', import.meta.url);

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string): string => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');

/** The anchors of a Markdown file's headings (code blocks skipped). */
function anchors(text: string): Set<string> {
  const prose = text.replace(/```[\s\S]*?```/g, '');
  return new Set([...prose.matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!)));
}

/** The tables `npm run docs` writes, and where they must be. */
const BLOCKS = ['attributes', 'properties', 'events', 'error-codes', 'css-properties', 'css-parts'];

describe('generated documentation (npm run docs)', () => {
  it('the README holds every generated table, each exactly as the code writes it today', async () => {
    for (const { path, now, expected, blocks } of await docsState()) {
      assert.deepEqual([...blocks].sort(), [...BLOCKS].sort(), `${path}: the generated blocks`);
      // A stale table: the line that differs first, so the failure says what drifted.
      const [a, b] = [now.split('\n'), expected.split('\n')];
      const line = a.findIndex((text, i) => text !== b[i]);
      assert.ok(now === expected, `${path} is stale (line ${line + 1}: "${a[line]}" should be "${b[line]}"): run npm run docs`);
    }
  });
});

describe('links between the README and docs/', () => {
  it('every relative link names a file that exists, and every #anchor a heading of it', async () => {
    const pages = ['README.md', ...(await readdir(new URL('docs/', ROOT))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const broken: string[] = [];
    for (const page of pages) {
      const text = await readFile(new URL(page, ROOT), 'utf8');
      for (const [, target] of text.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue; // https:, mailto:
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const file = path ? new URL(path, new URL(page, ROOT)) : new URL(page, ROOT);
        if (!existsSync(file)) broken.push(`${page}: ${target} (no such file)`);
        else if (anchor && file.pathname.endsWith('.md') && !anchors(await readFile(file, 'utf8')).has(anchor)) broken.push(`${page}: ${target} (no such heading)`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
