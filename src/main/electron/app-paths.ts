import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type AppPaths = {
  preload: string;
  renderer: string;
  icon: string;
  /** A better-sqlite3 built for this Electron by scripts/native-runtime.mjs, if there is one. */
  nativeBinding: string | undefined;
};

/**
 * Where the built app's parts are, from the app's root (the folder holding
 * package.json, or the asar archive when packaged). The dev-only native build
 * lives under .native/ so node_modules keeps the Node build that the CLI and the
 * tests load: `npm start` and `npm test` never rebuild each other's module.
 */
export function appPaths(
  appRoot: string,
  electronVersion: string,
  exists: (path: string) => boolean = existsSync,
): AppPaths {
  const nativeBinding = join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
  return {
    preload: join(appRoot, 'out', 'preload', 'index.cjs'),
    renderer: join(appRoot, 'out', 'renderer'),
    icon: join(appRoot, 'resources', 'icon.png'),
    nativeBinding: exists(nativeBinding) ? nativeBinding : undefined,
  };
}
