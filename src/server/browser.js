// `tl-workflow/server` as a browser bundle resolves it (package.json: the `browser` export
// condition). This module must never run: the import below cannot be resolved, so a bundler stops
// the build with its text, and the throw stops a bundler that leaves the import unresolved.
import 'tl-workflow/server is for servers only: import it in server code (a route handler), never in code that runs in a browser. In the browser use the token-endpoint attribute of tl-workflow';

throw new Error(
  'tl-workflow/server is for servers only: import it in server code (a route handler), never in code that runs in a browser. In the browser use the token-endpoint attribute of <tl-workflow>.',
);
