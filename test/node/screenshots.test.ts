import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { takeScreenshots } from '../../scripts/screenshots.ts';
import { SITE_PREFIX, siteListener } from '../site/static-host.ts';

// A small run of `npm run screenshots` (the full one: every state at 375 and 1024 px, light and dark).
describe('npm run screenshots', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('saves the states asked for as PNG files, with no console error and no axe violation', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'tl-shots-'));
    dirs.push(outDir);
    const { files, problems } = await takeScreenshots({ outDir, states: ['form-errors', 'bank'], widths: [375], schemes: ['dark'], locale: 'de' });
    assert.deepEqual(problems, []);
    assert.deepEqual(files.map((f) => f.slice(outDir.length + 1)), ['form-errors-375-dark-de.png', 'bank-375-dark-de.png']);
    const png = await readFile(files[0]!);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.readUInt32BE(16), 375, 'the widget is 375 px wide');
  });

  it('reports an axe violation (here: grey text on the dark background)', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'tl-shots-'));
    dirs.push(outDir);
    const { problems } = await takeScreenshots({ outDir, states: ['form'], widths: [375], schemes: ['dark'], theme: { '--tl-color-text': '#555555' } });
    assert.ok(problems.some((p) => p.includes('axe: color-contrast')), problems.join('\n'));
  });

  it('--site: the static site\'s studio (dist-site/ from a plain static server, npm run build:site)', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'tl-shots-'));
    dirs.push(outDir);
    const server = createServer(siteListener());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      // localhost: a service worker needs a secure context (the studio's page registers the site's).
      const site = `http://localhost:${(server.address() as AddressInfo).port}${SITE_PREFIX}`;
      const { files, problems } = await takeScreenshots({ outDir, states: ['consents'], widths: [375], schemes: ['light'], site });
      assert.deepEqual(problems, []);
      assert.deepEqual(files.map((f) => f.slice(outDir.length + 1)), ['consents-375-light.png']);
      assert.equal((await readFile(files[0]!)).readUInt32BE(16), 375, 'the widget is 375 px wide');
    } finally {
      server.close();
    }
  });
});
