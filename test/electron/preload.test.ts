import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpokeBridge } from '../../src/shared/bridge';
import { channelNames } from '../../src/shared/channels';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

describe('the preload bridge (window.spoke)', () => {
  let spoke: SpokeBridge;

  beforeAll(async () => {
    await import('../../src/preload/index');
    spoke = contextBridge.exposed.get('spoke') as SpokeBridge;
  });
  beforeEach(() => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.removeAllListeners();
  });

  it('exposes one object, `spoke`, with invoke and on and nothing else', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...contextBridge.exposed.keys()]).toEqual(['spoke']);
    expect(Object.keys(spoke).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(spoke).every((value) => typeof value === 'function')).toBe(true);
  });

  it('calls the contract’s channels over IPC', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await expect(spoke.invoke('riders:list')).resolves.toEqual({ ok: true, value: [] });
    await spoke.invoke('reports:get', { name: 'summary' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['riders:list', undefined],
      ['reports:get', { name: 'summary' }],
    ]);
    for (const channel of channelNames) await spoke.invoke(channel);
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(2 + channelNames.length);
  });

  it.each(['secrets:dump', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'toString', '', 42])(
    'refuses the channel %j without sending anything',
    async (channel) => {
      await expect((spoke.invoke as (c: unknown) => Promise<unknown>)(channel)).rejects.toThrow(
        /Unknown channel/,
      );
      expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('gives listeners the payload only, never the IPC event (whose sender is ipcRenderer)', () => {
    const listener = vi.fn();
    spoke.on('sync:progress', listener);
    const progress = { riderId: 'r1', rider: 'Hillary', step: 'fetch', done: 2, total: 5 };
    ipcRenderer.deliver('sync:progress', progress);
    expect(listener.mock.calls).toEqual([[progress]]);
  });

  it('stops delivering after unsubscribing', () => {
    const listener = vi.fn();
    const unsubscribe = spoke.on('data:changed', listener);
    ipcRenderer.deliver('data:changed', { reason: 'import' });
    unsubscribe();
    ipcRenderer.deliver('data:changed', { reason: 'sync' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('data:changed')).toBe(0);
  });

  it('refuses to subscribe to anything but the contract’s events', () => {
    const on = spoke.on as (event: unknown, listener: unknown) => unknown;
    expect(() => on('riders:list', () => undefined)).toThrow(/Unknown event/);
    expect(() => on('ELECTRON_RENDERER_WINDOW', () => undefined)).toThrow(/Unknown event/);
    expect(() => on('sync:progress', 'not a function')).toThrow(TypeError);
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});
