import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyContentSecurityPolicy,
  CONTENT_SECURITY_POLICY,
  withContentSecurityPolicy,
} from '../../src/main/electron/content-security-policy';
import { denyAllPermissions } from '../../src/main/electron/permissions';
import { FakeSession } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const rendererHtml = join(__dirname, '../../src/renderer/index.html');

const directives = (policy: string): Record<string, string> =>
  Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values.join(' ')]),
  );

describe('the content security policy', () => {
  it('lets the renderer load and reach only its own origin', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it.skipIf(!existsSync(rendererHtml))('agrees with the renderer’s meta tag, directive by directive', () => {
    const html = readFileSync(rendererHtml, 'utf8');
    const meta = /http-equiv=["']Content-Security-Policy["'][^>]*content=(["'])(.*?)\1/is.exec(html)?.[2];
    expect(meta, 'src/renderer/index.html has a CSP meta tag').toBeDefined();
    const header = directives(CONTENT_SECURITY_POLICY);
    const tag = directives(meta ?? '');
    // frame-ancestors only works as a header, so only the header has it.
    expect({ ...tag, 'frame-ancestors': header['frame-ancestors'] }).toEqual(header);
  });

  it('replaces whatever policy a response brought, in any letter case', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('is sent on every response of the session', () => {
    const session = new FakeSession();
    applyContentSecurityPolicy(session as never);
    const callback = vi.fn();
    session.headersListener?.({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});

describe('permissions', () => {
  let session: FakeSession;
  beforeEach(() => {
    session = new FakeSession();
    denyAllPermissions(session as never);
  });

  it('refuses every request a page makes (camera, microphone, location, notifications...)', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('answers every permission check and device request with no', () => {
    expect(session.permissionCheckHandler?.({}, 'media', 'app://spoke')).toBe(false);
    expect(session.devicePermissionHandler?.({ deviceType: 'hid' })).toBe(false);
  });
});
