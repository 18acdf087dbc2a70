// Where the app keeps what it remembers between runs (recent projects, the autosave, remembered
// mappings): CATALOG_CONFIG_DIR when set — the desktop app points it at Electron's userData, tests
// at a temporary folder — else the platform's usual place for a user's settings.
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP = 'Catalog Publisher';

export function configDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.CATALOG_CONFIG_DIR) return env.CATALOG_CONFIG_DIR;
  const home = env.HOME || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'catalog-publisher');
}

/**
 * Where the app keeps what it can make again (converted pictures): CATALOG_CACHE_DIR when set, else a
 * `cache` folder in CATALOG_CONFIG_DIR when that is set (tests), else the platform's cache folder.
 */
export function cacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.CATALOG_CACHE_DIR) return env.CATALOG_CACHE_DIR;
  if (env.CATALOG_CONFIG_DIR) return join(env.CATALOG_CONFIG_DIR, 'cache');
  const home = env.HOME || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Caches', APP);
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), APP, 'Cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'catalog-publisher');
}
