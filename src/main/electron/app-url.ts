/**
 * Where the renderer lives: a privileged `app://` scheme with one fixed host, so
 * the app has a real origin (`app://spoke`) for CSP `'self'` and fetch, and
 * nothing the renderer could be navigated to can pass for it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'spoke';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for a URL whose scheme and host are our own. Parsing (not string
 * matching) stops look-alikes such as `https://example.invalid/?next=app://spoke`
 * and `app://evil/../spoke`, which a prefix or substring test would let through.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Whether an IPC message may reach the handlers: only from a frame showing our own
 * app. A page that got into the window some other way (a hijacked navigation, an
 * injected iframe) must not be able to read riders' data or change settings.
 */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}
