import type { ChannelName, EventName } from '../../shared/channels';
import type { InputOf, OutputOf } from '../../shared/contract';
import type { EventPayloads } from '../../shared/model';
import type { ReportName, ReportRows } from '../../shared/reports';
import type { ApiError, ApiResult, ErrorCode } from '../../shared/result';
import { getToken } from './access-token';

/** A call the main side answered with `{ ok: false }`, or one that never reached it. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly channel: string;

  constructor(channel: string, error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.channel = channel;
  }
}

type InputArgs<C extends ChannelName> =
  undefined extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>];

/** Calls a channel of the contract: over IPC in the desktop app, over HTTP in a browser. */
export async function call<C extends ChannelName>(channel: C, ...args: InputArgs<C>): Promise<OutputOf<C>> {
  const [input] = args;
  const result = window.spoke ? await invokeIpc(channel, input) : await invokeHttp(channel, input);
  if (!result.ok) throw new ApiCallError(channel, result.error);
  return result.value;
}

export type ReportFilterInput = NonNullable<InputOf<'reports:get'>['filter']>;

/** One report's rows, typed by its name. */
export async function getReport<N extends ReportName>(
  name: N,
  filter?: ReportFilterInput,
): Promise<ReportRows[N][]> {
  // The contract types the output as the union of all reports' rows; the name decides which.
  return (await call('reports:get', { name, filter })) as ReportRows[N][];
}

async function invokeIpc<C extends ChannelName>(channel: C, input: unknown): Promise<ApiResult<OutputOf<C>>> {
  try {
    return await (window.spoke as NonNullable<Window['spoke']>).invoke(channel, input as InputOf<C>);
  } catch (error) {
    return failure('internal', `The app's main process failed to answer (${String(error)}). Restart Spoke.`);
  }
}

async function invokeHttp<C extends ChannelName>(
  channel: C,
  input: unknown,
): Promise<ApiResult<OutputOf<C>>> {
  const token = getToken();
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return failure(
      'failed',
      'Cannot reach the Spoke server. Check that spoke serve is still running, then retry.',
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (isApiResult<OutputOf<C>>(body)) return body;
  return failure(...statusError(response.status));
}

function statusError(status: number): [ErrorCode, string] {
  if (status === 401) {
    return [
      'unauthorized',
      'This page has no valid access token. Open the URL spoke serve printed (it ends in #token=…).',
    ];
  }
  if (status === 403)
    return ['forbidden', 'The Spoke server refused this page. Open the address it printed.'];
  return ['failed', `The Spoke server answered HTTP ${status}. Check its log, then retry.`];
}

function isApiResult<T>(body: unknown): body is ApiResult<T> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  return body.ok === false && 'error' in body && typeof body.error === 'object' && body.error !== null;
}

function failure(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

type Listener = (payload: never) => void;
const listeners = new Map<EventName, Set<Listener>>();
let source: EventSource | null = null;

/** Subscribes to an event the main side pushes; returns the unsubscribe function. */
export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayloads[E]) => void,
): () => void {
  if (window.spoke) return window.spoke.on(event, listener);
  const token = getToken();
  if (!token) return () => {};
  source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  let set = listeners.get(event);
  if (!set) {
    const forEvent = new Set<Listener>();
    listeners.set(event, forEvent);
    source.addEventListener(event, (message) => dispatch(forEvent, message));
    set = forEvent;
  }
  set.add(listener as Listener);
  return () => {
    set.delete(listener as Listener);
  };
}

function dispatch(forEvent: Set<Listener>, message: MessageEvent<string>): void {
  let payload: unknown;
  try {
    payload = JSON.parse(message.data);
  } catch {
    return; // A malformed event is dropped; the next data:changed refetches anyway.
  }
  for (const listener of forEvent) listener(payload as never);
}
