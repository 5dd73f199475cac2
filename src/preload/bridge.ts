import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { SpokeBridge } from '../shared/bridge';
import { isChannelName, isEventName } from '../shared/channels';

type Ipc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * `window.spoke`: calls on the contract's channels and subscriptions to its
 * events, nothing more. The page never gets ipcRenderer or an IPC event object
 * (whose `sender` is ipcRenderer), so it cannot reach any other channel.
 */
export function createBridge(ipc: Ipc): SpokeBridge {
  return {
    invoke(channel, input) {
      if (!isChannelName(channel)) return Promise.reject(new Error(`Unknown channel "${String(channel)}".`));
      return ipc.invoke(channel, input);
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}".`);
      if (typeof listener !== 'function') throw new TypeError('Expected a listener function.');
      const forward = (_event: IpcRendererEvent, payload: unknown) =>
        listener(payload as Parameters<typeof listener>[0]);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  };
}
