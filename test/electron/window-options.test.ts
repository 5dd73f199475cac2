import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions } from '../../src/main/electron/window-options';

vi.mock('electron', () => import('./fake-electron'));

const base = {
  preloadPath: '/app/out/preload/index.cjs',
  iconPath: '/app/resources/icon.png',
  darkTheme: false,
};

describe('the main window', () => {
  it('runs the renderer isolated, sandboxed, without Node and without <webview>', () => {
    const { webPreferences } = mainWindowOptions({ ...base, platform: 'linux' });
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('stays hidden until its first paint, with a background that matches the theme', () => {
    const light = mainWindowOptions({ ...base, platform: 'linux' });
    const dark = mainWindowOptions({ ...base, platform: 'linux', darkTheme: true });
    expect(light.show).toBe(false);
    expect(light.backgroundColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(dark.backgroundColor).not.toBe(light.backgroundColor);
  });

  it('opens large enough for the dashboard and cannot shrink below a usable size', () => {
    const options = mainWindowOptions({ ...base, platform: 'darwin' });
    expect(options.width).toBeGreaterThanOrEqual(1200);
    expect(options.height).toBeGreaterThanOrEqual(800);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(560);
    expect(options.minWidth).toBeLessThan(options.width ?? 0);
  });

  it('sets the window icon on Linux only (elsewhere it comes from the app bundle)', () => {
    expect(mainWindowOptions({ ...base, platform: 'linux' }).icon).toBe('/app/resources/icon.png');
    expect(mainWindowOptions({ ...base, platform: 'darwin' }).icon).toBeUndefined();
    expect(mainWindowOptions({ ...base, platform: 'win32' }).icon).toBeUndefined();
  });
});
