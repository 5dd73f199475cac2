import type { ChannelName } from '../../shared/channels';
import { contract, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import type { ApiResult } from '../../shared/result';
import { UserError } from '../errors';
import type { Logger } from '../log/logger';

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/**
 * The one path every transport takes into the main side: the channel must be in
 * the contract, the input must pass its schema before the handler runs, and any
 * failure comes back as a value, never as a stack trace.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  input: unknown,
  log?: Logger,
): Promise<ApiResult<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    return { ok: false, error: { code: 'not_found', message: `Unknown channel "${channel}".` } };
  }
  const name = channel as ChannelName;
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return {
      ok: false,
      error: {
        code: 'bad_input',
        message: `Invalid input for ${name}: ${where}${issue?.message ?? 'malformed'}.`,
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: { code: error.code, message: error.message } };
    log?.error(`${name} failed`, error);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Spoke; the details are in the log.' },
    };
  }
}
