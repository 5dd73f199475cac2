import pg from 'pg';
import { UserError } from '../errors';
import { redact } from '../log/logger';

/** The parts of a libpq URL that messages and the delivery ledger may show: no password. */
export type PgWhere = { user: string; host: string; port: string; database: string; sslmode: string | null };

/** Reads a libpq URL (`postgres://user:password@host:5432/database?sslmode=require`). */
export function parsePgUrl(url: string): PgWhere {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalid();
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw invalid();
  const user = decodeURIComponent(u.username) || u.searchParams.get('user') || 'postgres';
  return {
    user,
    host: u.hostname || u.searchParams.get('host') || 'localhost',
    port: u.port || u.searchParams.get('port') || '5432',
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || u.searchParams.get('dbname') || user,
    sslmode: u.searchParams.get('sslmode'),
  };
}

const invalid = () =>
  new UserError(
    'The Postgres URL is not valid; expected postgres://user:password@host:5432/database (add ?sslmode=require for TLS).',
    'bad_input',
  );

/** `user@host:port/database`: which database, without credentials. */
export function pgName(where: PgWhere): string {
  return `${where.user}@${where.host}:${where.port}/${where.database}`;
}

/**
 * Connects as libpq would: `sslmode=require` encrypts without verifying the
 * certificate, `verify-full` verifies it, `disable` turns TLS off, and `prefer`
 * falls back to plain text when the server has no TLS. (pg alone treats require as
 * verify-full unless told `uselibpqcompat=true`.)
 */
export async function connectPg(url: string, where = parsePgUrl(url)): Promise<pg.Client> {
  const compat = /[?&]uselibpqcompat=/.test(url)
    ? url
    : `${url}${url.includes('?') ? '&' : '?'}uselibpqcompat=true`;
  try {
    return await open(compat);
  } catch (error) {
    if (where.sslmode === 'prefer' && /does not support SSL/i.test((error as Error).message)) {
      return open(compat.replace(/([?&])sslmode=prefer/, '$1sslmode=disable'));
    }
    throw error;
  }
}

async function open(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: 10_000,
    application_name: 'spoke',
    keepAlive: true,
  });
  // A connection lost between queries is reported by the next query; without a
  // listener, the client's 'error' event would end the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return client;
}

/** A message with the URL, its password and any other user:password@ masked. */
export function scrubPg(message: string, url: string): string {
  let out = message.split(url).join('<the Postgres URL>');
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password.length >= 3) out = out.split(password).join('***');
  } catch {
    // not a URL: nothing more to mask
  }
  return String(redact(out));
}
