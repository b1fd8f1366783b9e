/**
 * `npm run bench:sources`: where the bytes of the script-tag file come from. Reads
 * dist/tl-workflow.iife.js and its source map (run `npm run build` first), gives each source module
 * the minified characters mapped to it, and prints, per module, those characters and their gzip -9
 * size on their own. Modules compress better together than alone, so the gzip column adds up to more
 * than the file: it ranks the modules, it does not split the total.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type MappingItem, type RawSourceMap } from 'source-map-js';

const file = new URL('../dist/tl-workflow.iife.js', import.meta.url);
const code = await readFile(file, 'utf8');
const map = new SourceMapConsumer(JSON.parse(await readFile(new URL(`${file.href}.map`), 'utf8')) as RawSourceMap);
const lines = code.split('\n');

const mappings: MappingItem[] = [];
map.eachMapping((mapping) => mappings.push(mapping), null, SourceMapConsumer.GENERATED_ORDER);

/** Source module (node_modules/ and src/ prefixes shortened) -> its minified text. */
const text = new Map<string, string>();
mappings.forEach((mapping, index) => {
  const line = lines[mapping.generatedLine - 1] ?? '';
  const next = mappings[index + 1];
  const end = next && next.generatedLine === mapping.generatedLine ? next.generatedColumn : line.length;
  const source = (mapping.source ?? '(unmapped)').replace(/^.*node_modules\//, '').replace(/^.*?\/?src\//, 'src/');
  text.set(source, (text.get(source) ?? '') + line.slice(mapping.generatedColumn, end));
});

const rows = [...text].map(([source, minified]) => ({ source, minified: minified.length, gzip: gzipSync(minified, { level: 9 }).length }));
rows.sort((a, b) => b.gzip - a.gzip);
const pad = (value: string | number, width: number): string => String(value).padStart(width);
console.log(`${pad('minified', 9)} ${pad('gzip alone', 10)}  module`);
for (const row of rows) console.log(`${pad(row.minified, 9)} ${pad(row.gzip, 10)}  ${row.source}`);
const sum = (pick: (row: (typeof rows)[number]) => number): number => rows.reduce((total, row) => total + pick(row), 0);
const ours = rows.filter((row) => row.source.startsWith('src/'));
console.log(`\nsrc/: ${sum((row) => (row.source.startsWith('src/') ? row.minified : 0))} minified in ${ours.length} modules; the rest is Lit and jwt-decode`);
console.log(`whole file: ${code.length} minified, ${gzipSync(code, { level: 9 }).length} gzip -9`);
