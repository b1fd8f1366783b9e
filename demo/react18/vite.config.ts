import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { demoAppConfig } from '../app-vite-config.ts';

// demo/react's sources (its index.html loads ../react/src/main.tsx), built against this app's
// React 18: `dedupe` resolves React, the package and Lit from this app's node_modules, not from
// demo/react/node_modules next to the sources. `vite build --mode development` keeps React's
// development build, so StrictMode's double effects run in the built page the tests drive.
export default defineConfig(async ({ command, mode }) => ({
  ...(await demoAppConfig(command, [react()])),
  resolve: { dedupe: ['react', 'react-dom', 'tl-workflow', '@lit/react', 'lit'] },
  define: { 'process.env.NODE_ENV': JSON.stringify(mode === 'development' ? 'development' : 'production') },
}));
