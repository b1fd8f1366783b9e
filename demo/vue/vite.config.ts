import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { demoAppConfig } from '../app-vite-config.ts';

// Vue's compiler must know that tl-* tags are custom elements (not Vue components).
export default defineConfig(async ({ command }) =>
  demoAppConfig(command, [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tl-') } } })]),
);
