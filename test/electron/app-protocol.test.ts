import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mimeTypeOf, resolveAppFile } from '../../src/main/electron/app-file-resolver';
import { registerAppScheme, serveRenderer } from '../../src/main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/content-security-policy';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const root = '/srv/spoke/out/renderer';

describe('resolving app:// URLs to files of the built renderer', () => {
  it('maps the app’s URLs into the renderer folder', () => {
    expect(resolveAppFile(root, 'app://spoke/')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://spoke/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://spoke/assets/index-abc.js?v=1#x')).toBe(`${root}/assets/index-abc.js`);
    expect(resolveAppFile(root, 'app://spoke/fonts/Inter%20Var.woff2')).toBe(`${root}/fonts/Inter Var.woff2`);
    expect(resolveAppFile(root, 'app://spoke/riders/42')).toBe(`${root}/riders/42`);
  });

  it.each([
    'app://spoke/../../../etc/passwd',
    'app://spoke/%2e%2e/%2e%2e/etc/passwd',
    'app://spoke/%2F%2Fetc%2Fpasswd',
    'app://spoke/..%5c..%5cetc%5cpasswd',
    'app://spoke/a/..%2f..%2fb',
  ])('keeps %j inside the renderer folder', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === null || file.startsWith(`${root}/`)).toBe(true);
  });

  it.each([
    'app://spoke/..%2f..%2f..%2fetc%2fpasswd',
    'app://spoke/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://spoke/..%2F',
    'app://spoke/index.html%00.png',
    'app://spoke/%E0%A4%A',
    'app://evil/index.html',
    'app://evil/../x',
    'file:///etc/passwd',
    'https://spoke/index.html',
    'not a url',
  ])('refuses %j', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('gives scripts, styles and pages their real content types', () => {
    expect(mimeTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('/x/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('/x/assets/index-abc.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('/x/icon.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('/x/font.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('the app:// protocol', () => {
  let dir: string;
  const get = (url: string) => {
    const handler = protocol.handlers.get('app');
    if (!handler) throw new Error('app:// is not handled');
    return handler({ url });
  };

  beforeAll(() => {
    const parent = mkdtempSync(join(tmpdir(), 'spoke-protocol-'));
    dir = join(parent, 'renderer');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Spoke</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(parent, 'secret.txt'), 'not for the renderer');
    serveRenderer(dir);
  });
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('is registered as a standard, secure scheme that fetch can use, without bypassing CSP', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer’s files with their types and the CSP', async () => {
    const page = await get('app://spoke/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Spoke</title>');
    const script = await get('app://spoke/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('refuses to read outside the renderer folder', async () => {
    const response = await get('app://spoke/..%2fsecret.txt');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('not for the renderer');
  });

  it('opens the app on a reload of a client-side route, and 404s a missing asset', async () => {
    const route = await get('app://spoke/riders/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Spoke</title>');
    expect((await get('app://spoke/assets/missing.js')).status).toBe(404);
  });
});
