import { type IpcMainInvokeEvent, ipcMain, type WebContents } from 'electron';
import { channelNames, eventNames } from '../../shared/channels';
import type { ApiResult } from '../../shared/result';
import { dispatch, type Handlers } from '../api/dispatch';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import { isTrustedSender } from './app-url';

/**
 * Only the top frame of a page served from `app://spoke` may call the API; an
 * iframe or a foreign page that somehow loaded in a window with our preload
 * cannot (Electron's own guidance: validate the sender of every IPC message).
 */
function fromAppMainFrame(event: IpcMainInvokeEvent): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isTrustedSender(frame.url);
  } catch {
    // The frame went away (navigated or destroyed) before we could look at it.
    return false;
  }
}

function forbidden(channel: string): ApiResult<never> {
  return {
    ok: false,
    error: { code: 'forbidden', message: `${channel} may only be called by the Spoke window itself.` },
  };
}

/**
 * The IPC transport of the contract: one `ipcMain.handle` per channel, the
 * sender checked first, then the same `dispatch` the HTTP transport uses (input
 * parsed by the channel's schema, errors returned as values and logged). Returns
 * a function that removes the handlers.
 */
export function registerIpcHandlers(handlers: Handlers, log?: Logger): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (fromAppMainFrame(event)) return dispatch(handlers, channel, input, log);
      log?.warn(`Refused ${channel} from a frame that is not the Spoke window`);
      return forbidden(channel);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/** Pushes the main side's events to one window; returns a function that stops. */
export function forwardEvents(events: EventBus, contents: WebContents): () => void {
  const stops = eventNames.map((name) =>
    events.on(name, (payload) => {
      if (!contents.isDestroyed()) contents.send(name, payload);
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
