/**
 * `npm start`: the demo page and the theme studio on Vite's dev server at http://127.0.0.1:$PORT/
 * (5173 by default), with the sandbox at /tl-api and the demo's backend at /demo-api (vite.config.ts).
 * A busy port is refused, as `npm run sandbox` refuses one, with a message naming a port that is
 * free: Vite's own fallback (quietly the next port, with a second sandbox) is off.
 * Flags: `--open` opens a browser (`BROWSER=none` stops it), `--force` re-bundles the dependencies.
 */
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const HOST = '127.0.0.1';

/** Whether `port` can be bound on HOST right now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

/** The first free port after `port` (wrapping to 1024 after 65535). */
async function freePortAfter(port: number): Promise<number> {
  for (let candidate = port + 1; ; candidate++) {
    if (candidate > 65535) candidate = 1024;
    if (candidate === port) throw new Error('no free port on this machine');
    if (await isFree(candidate)) return candidate;
  }
}

const raw = process.env.PORT || '5173';
const port = Number(raw);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT=${raw} is not a port number (1..65535). Example: PORT=5173 npm start`);
  process.exit(1);
}

const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: { port, strictPort: true, open: process.argv.includes('--open') },
  optimizeDeps: { force: process.argv.includes('--force') },
});
try {
  await server.listen();
} catch (error) {
  await server.close();
  if ((error as NodeJS.ErrnoException).code === 'EACCES') {
    console.error(`Demo not started: port ${port} needs privileges this user lacks. Pick a port above 1023: PORT=5173 npm start`);
    process.exit(1);
  }
  if (await isFree(port)) throw error;
  console.error(
    `Demo not started: Port ${port} on ${HOST} is already in use (another npm start, or another program). ` +
      `Start on a free port: PORT=${await freePortAfter(port)} npm start`,
  );
  process.exit(1);
}
server.config.logger.info(`\n  <tl-workflow> demo: the demo page, the theme studio (/gallery.html), the sandbox API (/tl-api)\n`);
server.printUrls();
server.bindCLIShortcuts({ print: true });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().finally(() => process.exit(0));
  });
}
