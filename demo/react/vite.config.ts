import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';

// `npm run dev` mounts the repository's sandbox at /tl-api (dev tooling, never part of the build).
// `vite build --mode development` keeps React's development build, so StrictMode's double
// effects run in the built page the tests drive.
export default defineConfig(async ({ command, mode }) => {
  const plugins: PluginOption[] = [react()];
  if (command === 'serve') {
    const { sandboxVitePlugin } = await import('../../sandbox/middleware.ts');
    plugins.push(sandboxVitePlugin({ prefix: '/tl-api' }));
  }
  return {
    base: './',
    plugins,
    define: { 'process.env.NODE_ENV': JSON.stringify(mode === 'development' ? 'development' : 'production') },
    build: { sourcemap: true, rollupOptions: { output: { entryFileNames: 'assets/[name].js' } } },
  };
});
