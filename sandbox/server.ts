/**
 * `npm run sandbox`: the sandbox as a standalone HTTP server on 127.0.0.1 ($PORT, default 4010),
 * with CORS for local origins. It is the `tl-workflow-sandbox` command line (cli.ts), run from the
 * sources: the same flags (`npm run sandbox -- --port 0 --webhook-url ...`) and banner.
 */
import './bin.ts';
