import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { app, type BrowserWindow, dialog, nativeTheme, session, shell } from 'electron';
import { createHandlers } from '../api/handlers';
import { createServices, type Services } from '../services';
import { appPaths } from './app-paths';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { applyContentSecurityPolicy } from './content-security-policy';
import { forwardEvents, registerIpcHandlers } from './ipc-transport';
import { createMainWindow } from './main-window';
import { guardNavigation } from './navigation-guard';
import { denyAllPermissions } from './permissions';
import { createSafeStorageEncryptor } from './safe-storage-encryptor';
import { claimSingleInstance } from './single-instance';

/**
 * The desktop app: one instance, one window on `app://spoke`, the API over IPC,
 * secrets in safeStorage. SPOKE_DATA_DIR moves everything (the cache and
 * Chromium's own profile) to another folder, which also gives that folder its
 * own single-instance lock.
 */
export function startApp(): void {
  const dataDirOverride = process.env.SPOKE_DATA_DIR;
  if (dataDirOverride) {
    // setPath wants an absolute folder that exists.
    const dir = resolve(dataDirOverride);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    app.setPath('userData', dir);
  }
  registerAppScheme();

  let window: BrowserWindow | null = null;
  let services: Services | null = null;
  if (!claimSingleInstance(() => window)) {
    app.quit();
    return;
  }

  // Every web contents, including any created later, is held to the app.
  app.on('web-contents-created', (_event, contents) =>
    guardNavigation(contents, (url) => shell.openExternal(url)),
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    services?.close();
    services = null;
  });

  const paths = appPaths(app.getAppPath(), process.versions.electron ?? '');
  const openWindow = () => {
    if (!services) return;
    const opened = createMainWindow({
      preloadPath: paths.preload,
      iconPath: paths.icon,
      platform: process.platform,
      darkTheme: nativeTheme.shouldUseDarkColors,
    });
    const stopEvents = forwardEvents(services.events, opened.webContents);
    opened.on('closed', () => {
      stopEvents();
      if (window === opened) window = null;
    });
    window = opened;
  };

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      applyContentSecurityPolicy(session.defaultSession);
      serveRenderer(paths.renderer);
      services = createServices({
        dataDir: app.getPath('userData'),
        face: 'desktop',
        encryptor: createSafeStorageEncryptor(),
        nativeBinding: paths.nativeBinding,
      });
      registerIpcHandlers(createHandlers(services), services.log);
      openWindow();
      app.on('activate', () => {
        if (!window) openWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Spoke could not start:', error);
      dialog.showErrorBox(
        'Spoke could not start',
        `${error instanceof Error ? error.message : String(error)}\n\nIf this mentions NODE_MODULE_VERSION ` +
          'in a development checkout, run `node scripts/native-runtime.mjs electron` and start Spoke again.',
      );
      app.exit(1);
    });
}
