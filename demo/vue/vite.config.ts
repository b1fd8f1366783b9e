import vue from '@vitejs/plugin-vue';
import { defineConfig, type PluginOption } from 'vite';

// Vue's compiler must know that tl-* tags are custom elements (not Vue components).
// `npm run dev` mounts the repository's sandbox at /tl-api (dev tooling, never part of the build).
export default defineConfig(async ({ command }) => {
  const plugins: PluginOption[] = [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tl-') } } })];
  if (command === 'serve') {
    const { sandboxVitePlugin } = await import('../../sandbox/middleware.ts');
    plugins.push(sandboxVitePlugin({ prefix: '/tl-api' }));
  }
  return {
    base: './',
    plugins,
    build: { sourcemap: true, rollupOptions: { output: { entryFileNames: 'assets/[name].js' } } },
  };
});
