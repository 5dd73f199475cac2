import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { app, type BrowserWindow, dialog, nativeTheme, powerMonitor, session, shell } from 'electron';
import { createHandlers } from '../api/handlers';
import { createServices, type Services } from '../services';
import { startDailySchedule } from '../sync/daily-schedule';
import { appPaths } from './app-paths';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { applyContentSecurityPolicy } from './content-security-policy';
import { forwardEvents, registerIpcHandlers } from './ipc-transport';
import { createMainWindow } from './main-window';
import { guardNavigation } from './navigation-guard';
import { isSignInContents, signInWithPelotonWindow } from './peloton-sign-in-window';
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
  // Peloton's sign-in window is the one exception: it shows Peloton's pages, with no bridge.
  app.on('web-contents-created', (_event, contents) => {
    if (!isSignInContents(contents)) guardNavigation(contents, (url) => shell.openExternal(url));
  });

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
        browserSignIn: (endpoints) => signInWithPelotonWindow(endpoints, window),
      });
      registerIpcHandlers(createHandlers(services), services.log);
      openWindow();
      const schedule = startDailySchedule(services);
      void schedule.catchUp();
      powerMonitor.on('resume', () => void schedule.catchUp());
      services.events.on('data:changed', ({ reason }) => {
        if (reason === 'settings') schedule.reschedule();
      });
      app.on('will-quit', () => schedule.stop());
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
