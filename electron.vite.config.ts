import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { createRendererConfig } from './renderer/vite.config';
import { copyFileSync, mkdirSync } from 'node:fs';
import { coreWorkerEntries, coreWorkerScripts } from './scripts/worker-entries';

// npm scripts run at the repository root.
const rendererConfig = createRendererConfig(resolve('.'));

export default defineConfig({
  main: {
    plugins: [
      externalizeDepsPlugin(),
      {
        // Scripts a worker starts by path (tesseract's thread) go beside the bundle as they are.
        name: 'copy-core-worker-scripts',
        writeBundle() {
          mkdirSync(resolve('out/main'), { recursive: true });
          for (const [name, path] of Object.entries(coreWorkerScripts)) copyFileSync(resolve(path), resolve('out/main', name));
        },
      },
    ],
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
