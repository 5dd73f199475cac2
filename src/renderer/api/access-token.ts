// `spoke serve` prints a URL whose fragment carries the access token, so the token
// never reaches a server log. We keep it for this tab only (sessionStorage survives a
// reload, not a new tab) and take it out of the address bar, where it would be
// shoulder-surfed, bookmarked or pasted into a chat.
const storageKey = 'spoke.accessToken';

let memoryToken: string | null = null;

/** Moves `#token=...` (alone or among a route's query) from the URL into session storage. */
export function takeTokenFromUrl(): void {
  const hash = window.location.hash.slice(1);
  const isRoute = hash.startsWith('/');
  const queryAt = hash.indexOf('?');
  const path = isRoute ? (queryAt < 0 ? hash : hash.slice(0, queryAt)) : '';
  const query = isRoute ? (queryAt < 0 ? '' : hash.slice(queryAt + 1)) : hash;
  const params = new URLSearchParams(query);
  const token = params.get('token');
  if (!token) return;
  rememberToken(token);
  params.delete('token');
  const rest = params.toString();
  const newHash = path ? `#${path}${rest ? `?${rest}` : ''}` : '';
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.search}${newHash}`,
  );
}

function rememberToken(token: string): void {
  memoryToken = token;
  try {
    sessionStorage.setItem(storageKey, token);
  } catch {
    // Storage can be disabled; the token then lasts until the page is reloaded.
  }
}

export function getToken(): string | null {
  if (memoryToken) return memoryToken;
  try {
    memoryToken = sessionStorage.getItem(storageKey);
  } catch {
    memoryToken = null;
  }
  return memoryToken;
}
