import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const commonOptions = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

type Values<O extends Options> = {
  [K in keyof O]?: O[K] extends { type: 'string' }
    ? O[K] extends { multiple: true }
      ? string[]
      : string
    : boolean;
};

export type Parsed<O extends Options> = { values: Values<O>; positionals: string[] };

/** parseArgs with the contract's usage errors (exit 2) instead of exceptions. */
export function parse<O extends Options>(
  argv: string[],
  options: O,
  positionals: { min: number; max: number },
): Parsed<O> {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed<O>;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const count = parsed.positionals.length;
  if (!parsed.values.help && (count < positionals.min || count > positionals.max)) {
    throw new UsageError(
      count < positionals.min
        ? 'Missing argument.'
        : `Unexpected argument "${parsed.positionals[positionals.max]}".`,
    );
  }
  return parsed;
}
