import type { WebContents } from 'electron';
import { isAppUrl } from './app-url';
import { safeOpenExternal } from './external-links';

type Open = (url: string) => Promise<void> | void;

/**
 * Keeps every window on the app: a link, a script or a server redirect that
 * would take it to another page (where the preload's bridge would still be
 * injected) is stopped. Frames cannot escape either: the CSP allows only our
 * own origin as a frame source.
 */
export function guardNavigation(contents: WebContents, open: Open): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No second window ever opens; a web link the user clicked goes to their browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    void safeOpenExternal(url, open);
    return { action: 'deny' };
  });
}
