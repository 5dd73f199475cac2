import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appPaths } from '../../src/main/electron/app-paths';
import { startApp } from '../../src/main/electron/start-app';
import { channelNames } from '../../src/shared/channels';
import { app, BrowserWindow, FakeWebContents, frameAt, ipcMain, protocol, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const appFrame = frameAt('app://spoke/index.html');

describe('the desktop app', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spoke-app-'));
    vi.stubEnv('SPOKE_DATA_DIR', join(dir, 'data'));
    app.removeAllListeners();
    app.hasLock = true;
    app.paths = {};
    app.appPath = '/opt/spoke';
    app.quit.mockClear();
    ipcMain.reset();
    protocol.handlers.clear();
    protocol.registerSchemesAsPrivileged.mockClear();
    BrowserWindow.created.length = 0;
  });
  afterEach(() => {
    app.emit('will-quit');
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  const started = async () => {
    startApp();
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
    const window = BrowserWindow.created[0];
    if (!window) throw new Error('no window');
    return window;
  };

  it('opens one window on app://spoke with the preload, and shows it when painted', async () => {
    const window = await started();
    expect(window.loadedUrl).toBe('app://spoke/index.html');
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { preload: '/opt/spoke/out/preload/index.cjs', sandbox: true, contextIsolation: true },
    });
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('registers app:// before ready and serves the renderer once ready', async () => {
    await started();
    const registered = protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0] ?? Infinity;
    const ready = app.whenReady.mock.invocationCallOrder.at(-1) ?? -Infinity;
    expect(registered).toBeLessThan(ready);
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it('keeps its data in SPOKE_DATA_DIR and answers the API over IPC', async () => {
    await started();
    expect(app.setPath).toHaveBeenCalledWith('userData', join(dir, 'data'));
    expect(existsSync(join(dir, 'data', 'spoke.db'))).toBe(true);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    expect(await ipcMain.invokeFrom(appFrame, 'app:info')).toMatchObject({
      ok: true,
      value: { face: 'desktop' },
    });
  });

  it('locks the session down: permissions refused, CSP on responses, every web contents guarded', async () => {
    await started();
    const callback = vi.fn();
    session.defaultSession.permissionRequestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.defaultSession.headersListener).not.toBeNull();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.invalid/' })).toEqual({ action: 'deny' });
  });

  it('quits when its window is closed (except on macOS) and reopens it on activate', async () => {
    const window = await started();
    window.emit('closed');
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
    app.emit('activate');
    expect(BrowserWindow.created).toHaveLength(2);
  });

  it('brings the existing window forward when launched again', async () => {
    const window = await started();
    window.minimized = true;
    app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(BrowserWindow.created).toHaveLength(1);
  });

  it('closes the cache when quitting', async () => {
    await started();
    app.emit('will-quit');
    const result = await ipcMain.invokeFrom(appFrame, 'app:info');
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('quits at once when another Spoke already has this data folder open', () => {
    app.hasLock = false;
    startApp();
    expect(app.quit).toHaveBeenCalled();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('where the app finds its parts', () => {
  it('uses the dev-only Electron build of better-sqlite3 when there is one', () => {
    const paths = appPaths('/opt/spoke', '45.5.0', (path) => path.endsWith('better_sqlite3.node'));
    expect(paths).toEqual({
      preload: '/opt/spoke/out/preload/index.cjs',
      renderer: '/opt/spoke/out/renderer',
      icon: '/opt/spoke/resources/icon.png',
      nativeBinding: '/opt/spoke/.native/electron-45.5.0/better_sqlite3.node',
    });
  });

  it('otherwise loads better-sqlite3 from node_modules (rebuilt for Electron when packaged)', () => {
    expect(appPaths('/opt/spoke', '45.5.0', () => false).nativeBinding).toBeUndefined();
  });
});
