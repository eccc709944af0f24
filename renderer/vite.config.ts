import { createReadStream } from 'node:fs';
import { cp, stat } from 'node:fs/promises';
import { resolve, join, normalize, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';


/**
 * pdf.js loads character maps, the 14 standard fonts and its WebAssembly decoders by URL at
 * run time. The app may never reach a CDN, so they ship inside the build under `pdfjs/`
 * (the reader points pdf.js at `./pdfjs/...`), and the dev server serves the same folders.
 */
const pdfjsAssetFolders = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];

function bundlePdfjsAssets(pdfjsRoot: string, outDir: string): Plugin {
  return {
    name: 'workbench-bundle-pdfjs-assets',
    async writeBundle() {
      for (const folder of pdfjsAssetFolders) {
        await cp(join(pdfjsRoot, folder), join(outDir, 'pdfjs', folder), { recursive: true });
      }
    },
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (request, response, next) => {
        const relative = normalize(decodeURIComponent((request.url ?? '').split('?')[0] ?? ''));
        const [folder] = relative.split(/[\\/]/).filter(Boolean);
        const file = join(pdfjsRoot, relative);
        if (!folder || !pdfjsAssetFolders.includes(folder) || !file.startsWith(pdfjsRoot + sep)) return next();
        stat(file).then(
          (info) => (info.isFile() ? createReadStream(file).pipe(response) : next()),
          () => next(),
        );
      });
    },
  };
}

/**
 * The renderer build, shared by electron-vite (the app) and `npm run build:renderer` (tests).
 * Paths come from the repository root passed in, because electron-vite inlines this file
 * into its own bundled config, where import.meta.dirname would be the repository root.
 */
export function createRendererConfig(repoRoot: string) {
  const rendererRoot = resolve(repoRoot, 'renderer');
  const outDir = resolve(repoRoot, 'out/renderer');
  const pdfjsRoot = resolve(repoRoot, 'node_modules/pdfjs-dist');
  return defineConfig({
    root: rendererRoot,
    base: './',
    plugins: [react(), bundlePdfjsAssets(pdfjsRoot, outDir)],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: true,
      chunkSizeWarningLimit: 4000,
    },
  });
}

export default createRendererConfig(resolve(import.meta.dirname, '..'));
