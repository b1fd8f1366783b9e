import type { PluginOption, UserConfig } from 'vite';

/**
 * What the React and Vue demo apps' Vite configs share (demo/react, demo/vue): a relative base and
 * stable file names, so the built page works from any folder and the tests find its script, with a
 * source map; under `vite` (their `npm run dev`) the repository's sandbox mounted at /tl-api (dev
 * tooling, never part of a build). Each app adds its framework's plugin.
 */
export async function demoAppConfig(command: 'build' | 'serve', plugins: PluginOption[]): Promise<UserConfig> {
  if (command === 'serve') {
    const { sandboxVitePlugin } = await import('../sandbox/middleware.ts');
    plugins = [...plugins, sandboxVitePlugin({ prefix: '/tl-api' })];
  }
  return {
    base: './',
    plugins,
    build: { sourcemap: true, rollupOptions: { output: { entryFileNames: 'assets/[name].js' } } },
  };
}
