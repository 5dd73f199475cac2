import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { forwardEvents, registerIpcHandlers } from '../../src/main/electron/ipc-transport';
import { createSafeStorageEncryptor } from '../../src/main/electron/safe-storage-encryptor';
import { createServices, type Services } from '../../src/main/services';
import { channelNames } from '../../src/shared/channels';
import { FakeWebContents, frameAt, ipcMain, safeStorage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const appFrame = frameAt('app://spoke/index.html');

describe('the IPC transport', () => {
  let dir: string;
  let services: Services;
  let dispose: () => void;

  beforeEach(() => {
    ipcMain.reset();
    safeStorage.backend = 'gnome_libsecret';
    safeStorage.encryptString.mockClear();
    dir = mkdtempSync(join(tmpdir(), 'spoke-ipc-'));
    services = createServices({ dataDir: dir, face: 'desktop', encryptor: createSafeStorageEncryptor() });
    dispose = registerIpcHandlers(createHandlers(services));
  });
  afterEach(() => {
    dispose();
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers exactly one handler per channel of the contract', () => {
    const registered = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(registered.sort()).toEqual([...channelNames].sort());
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('answers the app’s own window', async () => {
    const result = await ipcMain.invokeFrom(appFrame, 'app:info');
    expect(result).toMatchObject({ ok: true, value: { face: 'desktop', workouts: 0, riders: 0 } });
    expect(await ipcMain.invokeFrom(appFrame, 'riders:list')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['a foreign page', frameAt('https://example.invalid/')],
    ['a page pretending in its query', frameAt('https://example.invalid/?next=app://spoke/')],
    ['a file page', frameAt('file:///tmp/evil.html')],
    ['an iframe inside the app', frameAt('app://spoke/index.html', appFrame)],
    ['a frame that is gone', null],
  ])('refuses %s with forbidden, before the handler runs', async (_who, frame) => {
    const before = services.settings.view();
    const result = await ipcMain.invokeFrom(frame, 'settings:update', {
      set: { 'display.theme': 'dark' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(services.settings.view()).toEqual(before);
  });

  it('answers malformed input with bad_input and changes nothing', async () => {
    const before = services.settings.view();
    for (const input of [{ set: 'dark' }, { nonsense: true }, 42, { set: { 'display.theme': 7 } }]) {
      const result = await ipcMain.invokeFrom(appFrame, 'settings:update', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    }
    expect(await ipcMain.invokeFrom(appFrame, 'reports:get', { name: 'no-such-report' })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(services.settings.view()).toEqual(before);
  });

  it('passes a valid call to its handler, with the parsed input', async () => {
    const handlers = createHandlers(services);
    const update = vi.spyOn(handlers, 'settings:update');
    dispose();
    dispose = registerIpcHandlers(handlers);
    const result = await ipcMain.invokeFrom(appFrame, 'settings:update', {
      set: { 'display.theme': 'dark' },
    });
    expect(update).toHaveBeenCalledWith({ set: { 'display.theme': 'dark' } });
    expect(result).toMatchObject({ ok: true, value: { 'display.theme': 'dark' } });
  });

  it('keeps secrets in safeStorage and shows the renderer only that one is set', async () => {
    const result = await ipcMain.invokeFrom(appFrame, 'settings:update', {
      set: { 'postgres.url': 'postgres://rider:hunter2@db.invalid:5432/peloton' },
    });
    expect(result).toMatchObject({ ok: true, value: { 'postgres.url': 'set' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(safeStorage.encryptString).toHaveBeenCalled();
  });

  it('explains, as a value, that secrets are refused without a keyring', async () => {
    safeStorage.backend = 'basic_text';
    const result = await ipcMain.invokeFrom(appFrame, 'settings:update', {
      set: { 's3.secretAccessKey': 'abc' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('SPOKE_ALLOW_BASIC_TEXT=1') },
    });
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('removes its handlers when disposed', () => {
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    dispose = () => undefined;
  });
});

describe('pushed events', () => {
  let dir: string;
  let services: Services;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spoke-events-'));
    services = createServices({ dataDir: dir, face: 'desktop', encryptor: createSafeStorageEncryptor() });
  });
  afterEach(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends each event’s payload to the window until stopped', () => {
    const contents = new FakeWebContents();
    const stop = forwardEvents(services.events, contents as never);
    const progress = { riderId: 'r1', rider: 'Bryan', step: 'fetch', done: 1, total: 3 };
    services.events.emit('sync:progress', progress);
    services.events.emit('data:changed', { reason: 'import' });
    expect(contents.send.mock.calls).toEqual([
      ['sync:progress', progress],
      ['data:changed', { reason: 'import' }],
    ]);
    stop();
    services.events.emit('data:changed', { reason: 'sync' });
    expect(contents.send).toHaveBeenCalledTimes(2);
  });

  it('sends nothing to a window that is gone', () => {
    const contents = new FakeWebContents();
    forwardEvents(services.events, contents as never);
    contents.destroyed = true;
    services.events.emit('data:changed', { reason: 'sync' });
    expect(contents.send).not.toHaveBeenCalled();
  });
});
