import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The desktop app's own folder (Electron's userData for an app named Spoke), so
 * the CLI and the app share one cache unless --data-dir or SPOKE_DATA_DIR says otherwise.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Spoke');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Spoke');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Spoke');
}

export function resolveDataDir(flag: string | undefined, env = process.env): string {
  return flag ?? env.SPOKE_DATA_DIR ?? defaultDataDir(process.platform, env);
}
