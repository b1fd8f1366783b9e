import { svelte } from '@sveltejs/vite-plugin-svelte';

// A relative base and a stable file name: the test page (test/e2e/pages.mjs) loads dist/assets/index.js.
export default {
  base: './',
  plugins: [svelte()],
  build: { target: 'es2022', sourcemap: true, rollupOptions: { output: { entryFileNames: 'assets/[name].js' } } },
};
