import { BrowserWindow, session, type WebContents } from 'electron';
import { UserError } from '../errors';
import { authorizeUrl, codeFromCallback } from '../peloton/authorize-url';
import type { PelotonEndpoints } from '../peloton/endpoints';
import { exchangeCode, type TokenSet } from '../peloton/oauth-tokens';
import { createPkce } from '../peloton/pkce';

/** Peloton's page gets its own cookie jar, away from the app's session and its CSP. */
export const SIGN_IN_PARTITION = 'peloton-sign-in';

export function isSignInContents(contents: WebContents): boolean {
  return contents.session === session.fromPartition(SIGN_IN_PARTITION);
}

/** The sign-in window's options: Peloton's own page, with no bridge into the app. */
export function signInWindowOptions(parent: BrowserWindow | null): Electron.BrowserWindowConstructorOptions {
  return {
    width: 480,
    height: 720,
    title: 'Sign in to Peloton',
    parent: parent ?? undefined,
    modal: parent !== null,
    autoHideMenuBar: true,
    webPreferences: {
      partition: SIGN_IN_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  };
}

/**
 * Signs in through Peloton's own login page (multi-factor, CAPTCHA and bot checks
 * are Peloton's to handle; Spoke never sees the password). The redirect to the
 * callback URL is caught before it loads, its state checked, and the code exchanged
 * here in the main process with the PKCE verifier.
 */
export function signInWithPelotonWindow(
  endpoints: PelotonEndpoints,
  parent: BrowserWindow | null,
): Promise<TokenSet> {
  const pkce = createPkce();
  const win = new BrowserWindow(signInWindowOptions(parent));
  return new Promise<TokenSet>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => Promise<TokenSet>) => {
      if (settled) return;
      settled = true;
      outcome().then(resolve, reject);
      if (!win.isDestroyed()) win.close();
    };
    const intercept = (event: { preventDefault(): void }, url: string) => {
      const code = codeFromCallback(url, endpoints.redirectUri, pkce.state);
      if (code) {
        event.preventDefault();
        finish(() => exchangeCode(endpoints, code, pkce.verifier));
      } else if (url.startsWith(endpoints.redirectUri)) {
        event.preventDefault();
        finish(() =>
          Promise.reject(
            new UserError('Peloton sent back an answer for another sign-in; try again.', 'unauthorized'),
          ),
        );
      }
    };
    win.webContents.on('will-redirect', (event) => intercept(event, event.url));
    win.webContents.on('will-navigate', (event) => intercept(event, event.url));
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.on('closed', () =>
      finish(() => Promise.reject(new UserError('Sign-in was cancelled.', 'bad_input'))),
    );
    win.loadURL(authorizeUrl(endpoints, pkce)).catch(() => {
      // A cancelled load (our own preventDefault on the callback) is not a failure.
    });
  });
}
