import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { demoAppConfig } from '../app-vite-config.ts';

// `vite build --mode development` keeps React's development build, so StrictMode's double
// effects run in the built page the tests drive.
export default defineConfig(async ({ command, mode }) => ({
  ...(await demoAppConfig(command, [react()])),
  define: { 'process.env.NODE_ENV': JSON.stringify(mode === 'development' ? 'development' : 'production') },
}));
