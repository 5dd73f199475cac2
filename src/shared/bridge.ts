import type { ChannelName, EventName } from './channels';
import type { InputOf, OutputOf } from './contract';
import type { EventPayloads } from './model';
import type { ApiResult } from './result';

/**
 * What the preload exposes as `window.spoke`: calls over the contract's channels
 * and subscriptions to its pushed events, nothing else.
 */
export type SpokeBridge = {
  invoke<C extends ChannelName>(channel: C, input?: InputOf<C>): Promise<ApiResult<OutputOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};
