/**
 * `tl-workflow-sandbox/vite`: the sandbox (and its replica) inside your Vite dev server under a
 * prefix, same-origin with your app: `plugins: [sandboxVitePlugin({ prefix: '/tl-api' })]`.
 */
export { sandboxVitePlugin } from './middleware.ts';
