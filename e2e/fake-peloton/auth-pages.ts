import type { Transaction } from './auth-state';
import { CONNECTION, TENANT } from './constants';
import { escapeHtml } from './http';

const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

/**
 * The hosted login page: a plain form that posts to /usernamepassword/login with the same
 * fields the members site's script sends, so an embedded browser can sign in without JS.
 */
export function loginPage(tx: Transaction, error?: string): string {
  const fields: Record<string, string> = {
    client_id: tx.clientId,
    redirect_uri: tx.redirectUri,
    tenant: TENANT,
    response_type: 'code',
    scope: tx.scope,
    audience: tx.audience,
    _csrf: tx.csrf,
    state: tx.state,
    _intstate: 'deprecated',
    nonce: tx.nonce,
    connection: CONNECTION,
    code_challenge: tx.codeChallenge,
    code_challenge_method: 'S256',
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Log in | Peloton (fake)</title>
<style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}
.error{color:#b00020}</style></head>
<body><h1>Log in to Peloton</h1><p>Fake Peloton sign-in for tests and demos.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/usernamepassword/login" id="login">
${Object.entries(fields)
  .map(([k, v]) => hidden(k, v))
  .join('\n')}
<label for="username">Email or username</label><input id="username" name="username" type="text" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" name="action" value="default">Log in</button>
</form></body></html>`;
}

/**
 * Auth0's answer to good credentials: a hidden form that posts itself to /login/callback.
 * The values are HTML-entity encoded (`wctx` is JSON, so full of `&#34;`), as the real one is.
 */
export function selfPostingForm(action: string, fields: Record<string, string>): string {
  return `<form method="post" name="hiddenform" action="${escapeHtml(action)}">
${Object.entries(fields)
  .map(([k, v]) => hidden(k, v))
  .join('\n')}
<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript>
</form>
<script type="text/javascript">window.setTimeout(function () { document.forms[0].submit(); }, 0);</script>`;
}

export function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><h1>Something went wrong</h1><p>${escapeHtml(message)}</p></body></html>`;
}
