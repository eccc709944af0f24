import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { createRendererConfig } from './renderer/vite.config';
import { coreWorkerEntries } from './scripts/worker-entries';

// npm scripts run at the repository root.
const rendererConfig = createRendererConfig(resolve('.'));

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    // The core's workers are entries of their own, so the core finds ./worker.js beside index.js.
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          ...Object.fromEntries(Object.entries(coreWorkerEntries).map(([name, path]) => [name, resolve(path)])),
        },
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
