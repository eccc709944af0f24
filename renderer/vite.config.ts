import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = resolve(import.meta.dirname);

/** The renderer build, shared by electron-vite (the app) and `npm run build:renderer` (tests). */
export const rendererConfig = defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(rendererRoot, '../out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
});

export default rendererConfig;
