import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { createRendererConfig } from './renderer/vite.config';

// npm scripts run at the repository root.
const rendererConfig = createRendererConfig(resolve('.'));

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    // The import worker is its own entry so that run-in-worker finds ./worker.js beside index.js.
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve('electron/main/index.ts'), worker: resolve('electron/core/import/worker.ts') },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    // Sandboxed preloads must be CommonJS.
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...rendererConfig,
    build: { ...rendererConfig.build, rollupOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});
