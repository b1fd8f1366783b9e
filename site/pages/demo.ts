/** The demo page on the static site: the demo (demo/demo.ts) once the sandbox runs in this browser (site/boot.ts). */
import { sandboxReady } from '../boot.ts';

await sandboxReady;
await import('../../demo/demo.ts');
