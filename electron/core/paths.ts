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
  return join(userFolder('config', env, platform), productName, 'workspace');
}

/**
 * Where the app keeps what it can make again (compiled code of the PDF reader): the
 * platform's cache folder for this user, or `WORKBENCH_CACHE_DIR`; `WORKBENCH_CACHE_DIR=off`
 * keeps nothing.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | undefined {
  if (env.WORKBENCH_CACHE_DIR === 'off') return undefined;
  if (env.WORKBENCH_CACHE_DIR) return resolve(env.WORKBENCH_CACHE_DIR);
  return join(userFolder('cache', env, platform), productName);
}

/** The platform's folder for this user's settings and data (`config`) or for what can be made again (`cache`). */
function userFolder(kind: 'config' | 'cache', env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const home = homedir();
  if (platform === 'win32') return kind === 'config' ? env.APPDATA ?? join(home, 'AppData', 'Roaming') : env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
  if (platform === 'darwin') return join(home, 'Library', kind === 'config' ? 'Application Support' : 'Caches');
  return kind === 'config' ? env.XDG_CONFIG_HOME ?? join(home, '.config') : env.XDG_CACHE_HOME ?? join(home, '.cache');
}
