import type { Session } from 'electron';

/**
 * The renderer's policy, the same as the meta tag in src/renderer/index.html:
 * only our own scripts run and only our own origin is reachable, so injected
 * markup (a crafted class title, say) can neither execute nor phone home.
 * Inline styles are allowed because the chart library sets them. The header
 * adds `frame-ancestors`, which browsers ignore in a meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

type Headers = Record<string, string[] | string>;

/** Response headers with our policy in place of any the response brought. */
export function withContentSecurityPolicy(headers: Headers | undefined): Record<string, string[] | string> {
  const kept = Object.fromEntries(
    Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
  );
  return { ...kept, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/**
 * Sends the policy as a header on every response of the app's session. The
 * `app://` handler also sets it itself, since header hooks are not guaranteed to
 * run for custom schemes; this covers anything served over http(s).
 */
export function applyContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
