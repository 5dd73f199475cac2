import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
const ORDER: LogLevel[] = ['error', 'warn', 'info', 'debug'];

export type Logger = {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  debug(message: string, detail?: unknown): void;
};

// Anything shaped like a credential is masked before a line is written, whatever
// the level: URLs with passwords, bearer tokens, and values of secret-named keys.
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|credential|api[_-]?key/i;

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/(\w+:\/\/[^:/\s@]+:)[^@\s]+@/g, '$1***@')
      .replace(/(bearer\s+)[\w.~+/=-]+/gi, '$1***')
      .replace(/([?&#](?:token|access_token|refresh_token|code)=)[^&\s]+/gi, '$1***');
  }
  if (value instanceof Error)
    return { name: value.name, message: redact(value.message), stack: redact(value.stack) };
  if (Array.isArray(value)) return depth > 5 ? '[…]' : value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    if (depth > 5) return '{…}';
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '***' : redact(v, depth + 1)]),
    );
  }
  return value;
}

/** JSON lines in the data folder's logs/, at SPOKE_LOG_LEVEL (info by default). */
export function createLogger(dataDir: string, level: string | undefined): Logger {
  const max = ORDER.indexOf((ORDER as string[]).includes(level ?? '') ? (level as LogLevel) : 'info');
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'spoke.log');
  const write = (lvl: LogLevel) => (message: string, detail?: unknown) => {
    if (ORDER.indexOf(lvl) > max) return;
    const line = {
      time: new Date().toISOString(),
      level: lvl,
      message: redact(message),
      detail: redact(detail),
    };
    try {
      appendFileSync(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    } catch {
      // Logging must never take the app down (a read-only or full disk).
    }
  };
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}
