/**
 * `npm run bench`: figures, not pass/fail.
 * 1. Size of the two published bundles: raw, gzip and brotli.
 * 2. In Debian Chromium (playwright-core, no browser download), with the widget page on one origin
 *    and the standalone sandbox on another (real CORS): time from setting the token to the first
 *    step on screen (`tl-ready`), and what 100 mount/unmount cycles leave behind (DOM nodes,
 *    event listeners, JS heap) after garbage collection.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { createSandbox } from '../sandbox/app.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium.ts';

const root = new URL('../', import.meta.url);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function bundleSizes(): Promise<void> {
  console.log('Bundle sizes');
  for (const file of ['dist/tl-workflow.js', 'dist/tl-workflow.iife.js']) {
    const bytes = await readFile(new URL(file, root));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes).length;
    console.log(`  ${file.padEnd(26)} raw ${kb(bytes.length).padStart(9)}  gzip ${kb(gzip).padStart(8)}  brotli ${kb(brotli).padStart(8)}`);
  }
}

/** Serves the benchmark page and the built bundles. */
function pageServer(): Promise<Server> {
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript' };
  const server = createServer(async (req, res) => {
    const path = req.url === '/' ? 'bench/page.html' : (req.url ?? '').replace(/^\/+/, '');
    if (!/^(bench\/page\.(html|js)|dist\/[\w.-]+\.js)$/.test(path)) {
      res.writeHead(404).end();
      return;
    }
    const body = await readFile(new URL(path, root));
    res.writeHead(200, { 'Content-Type': types[path.split('.').pop() ?? ''] ?? 'text/plain' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function sandboxServer(): Promise<{ url: string; close: () => void }> {
  const sandbox = createSandbox();
  return new Promise((resolve) => {
    const server = serve({ fetch: sandbox.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

interface BenchWindow {
  benchCycle(apiBase: string, runs: number): Promise<number[]>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function browserFigures(): Promise<void> {
  const pages = await pageServer();
  const api = await sandboxServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(pages.address() as AddressInfo).port}/`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      // Several full collections (JS and DOM): one pass can leave detached nodes for the next.
      for (let i = 0; i < 4; i++) {
        await cdp.send('HeapProfiler.collectGarbage');
        await page.waitForTimeout(50);
      }
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
      return { nodes: get('Nodes'), listeners: get('JSEventListeners'), heap: get('JSHeapUsedSize') };
    };

    // bench/page.js: a client backend's calls, then `runs` widgets mounted one after another.
    const cycle = (runs: number) =>
      page.evaluate(
        ({ apiBase, runs }) => (window as unknown as BenchWindow).benchCycle(apiBase, runs),
        { apiBase: api.url, runs },
      );

    await cycle(5); // warm-up: first template preparation, JIT
    const before = await metrics();
    const times = (await cycle(Number(process.env.BENCH_RUNS ?? 100))).sort((a, b) => a - b);
    const after = await metrics();

    console.log(`\nTime from token set to first step on screen (tl-ready), ${times.length} runs, cross-origin sandbox`);
    console.log(`  median ${percentile(times, 0.5).toFixed(1)} ms   p95 ${percentile(times, 0.95).toFixed(1)} ms   max ${times.at(-1)!.toFixed(1)} ms`);
    console.log(`\nAfter ${times.length} mount / load / unmount cycles (after GC), compared with before`);
    console.log(`  DOM nodes        ${before.nodes} -> ${after.nodes}`);
    console.log(`  event listeners  ${before.listeners} -> ${after.listeners}`);
    console.log(`  JS heap          ${kb(before.heap)} -> ${kb(after.heap)}`);
  } finally {
    await browser.close();
    api.close();
    pages.close();
  }
}

await bundleSizes();
await browserFigures();
