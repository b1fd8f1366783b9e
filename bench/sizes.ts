/** Goal 1: what ships, measured as a browser downloads it (gzip -9; brotli for reference). */
import { readdir, readFile } from 'node:fs/promises';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface SizeRow {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
  /** The goal for this file in gzip -9 bytes, when it has one. */
  limit?: number;
}

const KB = 1024;
/** The script-tag file, every step type and English built in. */
const SCRIPT_TAG_LIMIT = 25 * KB;
/** Each language file. */
const LANGUAGE_FILE_LIMIT = 3 * KB;

/** Every .js file in dist/ (whatever the builds emit, so other outputs show up without a change here). */
export async function bundleSizes(dist: URL): Promise<SizeRow[]> {
  const names = (await readdir(dist)).filter((name) => name.endsWith('.js')).sort();
  const rows: SizeRow[] = [];
  for (const name of names) {
    const bytes = await readFile(new URL(name, dist));
    const limit = name === 'tl-workflow.iife.js' ? SCRIPT_TAG_LIMIT : /^tl-workflow\.[a-z]{2}(-[A-Z]{2})?\.js$/.test(name) ? LANGUAGE_FILE_LIMIT : undefined;
    rows.push({
      file: `dist/${name}`,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes).length,
      limit,
    });
  }
  return rows;
}
