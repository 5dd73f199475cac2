/**
 * The one way Spoke hands a URL to the operating system. Only web links go out:
 * `file:`, `javascript:`, `smb:` or a custom scheme handed to `shell.openExternal`
 * can run programs or leak credentials, so they are refused here.
 */
export function isExternalWebUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  // `https://bank.example@evil.invalid/` reads like a bank link but goes elsewhere.
  return parsed.username === '' && parsed.password === '';
}

/**
 * Opens `url` with `open` (Electron's `shell.openExternal` in the app, a fake in
 * tests) when it is a plain web link; returns whether it did.
 */
export async function safeOpenExternal(
  url: string,
  open: (url: string) => Promise<void> | void,
): Promise<boolean> {
  if (!isExternalWebUrl(url)) return false;
  await open(new URL(url).href);
  return true;
}
