import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const productName = 'Field Workbench';

/** resources/ of a source checkout (CLI, tests, `npm start`). The packaged app passes its own. */
export function checkoutResourcesDir(): string {
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '../../resources');
}

/**
 * The app's workspace: Electron's userData folder plus `workspace`. Computed here without
 * Electron so that the CLI finds the same folder the app uses.
 */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.WORKBENCH_WORKSPACE) return resolve(env.WORKBENCH_WORKSPACE);
  const home = homedir();
  const configRoot =
    platform === 'win32'
      ? env.APPDATA ?? join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME ?? join(home, '.config');
  return join(configRoot, productName, 'workspace');
}

/**
 * Where the app keeps what it can make again (compiled code of the PDF reader): the
 * platform's cache folder for this user, or `WORKBENCH_CACHE_DIR`; `WORKBENCH_CACHE_DIR=off`
 * keeps nothing.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | undefined {
  if (env.WORKBENCH_CACHE_DIR === 'off') return undefined;
  if (env.WORKBENCH_CACHE_DIR) return resolve(env.WORKBENCH_CACHE_DIR);
  const home = homedir();
  const cacheRoot =
    platform === 'win32'
      ? env.LOCALAPPDATA ?? join(home, 'AppData', 'Local')
      : platform === 'darwin'
        ? join(home, 'Library', 'Caches')
        : env.XDG_CACHE_HOME ?? join(home, '.cache');
  return join(cacheRoot, productName);
}
