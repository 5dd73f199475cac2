import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

const { BrowserWindow, navigationEvent } = await import('./fake-electron');
const { signInWindowOptions, signInWithPelotonWindow, SIGN_IN_PARTITION } = await import(
  '../../src/main/electron/peloton-sign-in-window'
);

const endpoints = {
  apiUrl: 'http://127.0.0.1:9',
  authUrl: 'http://127.0.0.1:9',
  clientId: 'WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM',
  audience: 'https://api.onepeloton.com/',
  scope: 'offline_access openid peloton-api.members:default',
  redirectUri: 'https://members.onepeloton.com/callback',
  authorizePath: '/authorize',
  tokenPath: '/oauth/token',
  loginPath: '/usernamepassword/login',
  tenant: 'peloton-prod',
  connection: 'pelo-user-password',
};

type FakeWindow = InstanceType<typeof BrowserWindow>;
const lastWindow = () => BrowserWindow.created[BrowserWindow.created.length - 1] as FakeWindow;

beforeEach(() => {
  BrowserWindow.created.length = 0;
});

describe("Peloton's own sign-in page in a window", () => {
  it('shows the page in its own session, sandboxed, with no bridge into the app', () => {
    const options = signInWindowOptions(null);
    expect(options.webPreferences).toEqual({
      partition: SIGN_IN_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it("opens Peloton's authorize URL and never lets the page open other windows", () => {
    void signInWithPelotonWindow(endpoints, null).catch(() => undefined);
    const win = lastWindow();
    const url = new URL(win.loadedUrl ?? '');
    expect(url.pathname).toBe('/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.invalid/' })).toEqual({
      action: 'deny',
    });
    win.close();
  });

  it('refuses a callback carrying another sign-in state (CSRF), stopping it before it loads', async () => {
    const pending = signInWithPelotonWindow(endpoints, null);
    const win = lastWindow();
    const event = navigationEvent(`${endpoints.redirectUri}?code=stolen&state=not-ours`);
    win.webContents.emit('will-redirect', event);
    expect(event.prevented).toBe(true);
    await expect(pending).rejects.toThrow('Peloton sent back an answer for another sign-in; try again.');
    expect(win.isDestroyed()).toBe(true);
  });

  it('answers a closed window with "Sign-in was cancelled."', async () => {
    const pending = signInWithPelotonWindow(endpoints, null);
    lastWindow().close();
    await expect(pending).rejects.toThrow('Sign-in was cancelled.');
  });

  it('lets Peloton pages navigate freely (they are not the app)', () => {
    void signInWithPelotonWindow(endpoints, null).catch(() => undefined);
    const win = lastWindow();
    const event = navigationEvent('https://auth.onepeloton.com/login?state=abc');
    win.webContents.emit('will-navigate', event);
    expect(event.prevented).toBe(false);
    win.close();
  });
});
