import { describe, expect, it, vi } from 'vitest';
import { isAppUrl, isTrustedSender } from '../../src/main/electron/app-url';
import { isExternalWebUrl, safeOpenExternal } from '../../src/main/electron/external-links';
import { guardNavigation } from '../../src/main/electron/navigation-guard';
import { FakeWebContents, navigationEvent } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const hostile = [
  'https://example.invalid/?next=app://spoke/',
  'https://example.invalid/?next=app://x',
  'https://app.spoke.example.invalid/',
  'javascript:alert(1)',
  'javascript://app://spoke/%0aalert(1)',
  'file:///etc/passwd',
  'app://evil/../x',
  'app://evil/index.html',
  'app://spoke.evil.invalid/',
  'app://spoke@evil.invalid/',
  'data:text/html,<script>alert(1)</script>',
  'http://localhost:5173/',
  '',
  'not a url',
];

describe('what counts as the app', () => {
  it('accepts our own pages on app://spoke', () => {
    expect(isAppUrl('app://spoke/')).toBe(true);
    expect(isAppUrl('app://spoke/index.html#/riders')).toBe(true);
    expect(isAppUrl('app://spoke/assets/index-abc.js?x=1')).toBe(true);
  });

  it.each(hostile)('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isTrustedSender(url)).toBe(false);
  });

  it('trusts no sender without a frame URL', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('app://spoke/index.html')).toBe(true);
  });
});

describe('opening links in the browser', () => {
  it('hands plain web links to the system browser', async () => {
    const open = vi.fn();
    expect(await safeOpenExternal('https://www.onepeloton.com/classes', open)).toBe(true);
    expect(await safeOpenExternal('http://example.invalid/a b', open)).toBe(true);
    expect(open.mock.calls).toEqual([
      ['https://www.onepeloton.com/classes'],
      ['http://example.invalid/a%20b'],
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://spoke/index.html',
    'smb://attacker.invalid/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox(1)',
    'https://bank.example@evil.invalid/',
    'mailto:someone@example.invalid',
    '//example.invalid/',
    '',
  ])('never hands %j to the operating system', async (url) => {
    const open = vi.fn();
    expect(isExternalWebUrl(url)).toBe(false);
    expect(await safeOpenExternal(url, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('navigation and new windows', () => {
  const guarded = () => {
    const contents = new FakeWebContents();
    const open = vi.fn();
    guardNavigation(contents as never, open);
    return { contents, open };
  };

  it('lets the window move between the app’s own pages', () => {
    const { contents } = guarded();
    const event = navigationEvent('app://spoke/index.html');
    contents.emit('will-navigate', event);
    expect(event.prevented).toBe(false);
  });

  it.each(hostile)('stops navigation and redirects to %j', (url) => {
    const { contents } = guarded();
    const navigation = navigationEvent(url);
    const redirect = navigationEvent(url);
    contents.emit('will-navigate', navigation);
    contents.emit('will-redirect', redirect);
    expect(navigation.prevented).toBe(true);
    expect(redirect.prevented).toBe(true);
  });

  it('never attaches a <webview>', () => {
    const { contents } = guarded();
    const event = navigationEvent('app://spoke/');
    contents.emit('will-attach-webview', event);
    expect(event.prevented).toBe(true);
  });

  it('opens no new window; a web link goes to the browser, anything else nowhere', async () => {
    const { contents, open } = guarded();
    for (const url of ['https://example.invalid/', 'app://spoke/index.html', 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open).toHaveBeenCalledWith('https://example.invalid/');
  });
});
