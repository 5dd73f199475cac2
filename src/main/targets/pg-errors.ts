import { UserError } from '../errors';
import { type PgWhere, scrubPg } from './pg-connect';

const CERT_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * One sentence a user can act on, for an error of connecting to or loading into
 * Postgres: by SQLSTATE for the server's answers, by errno for the network. The
 * URL and its password never appear.
 */
export function describePgError(error: unknown, where: PgWhere, url: string): string {
  if (error instanceof UserError) return error.message;
  const e = error as Error & { code?: string };
  const message = scrubPg(e?.message ?? String(error), url);
  const at = `${where.host}:${where.port}`;
  const user = `user "${where.user}"`;
  const db = `database "${where.database}"`;
  switch (e?.code) {
    case '28P01':
      return `Wrong password for ${user} on ${at}; fix the password in the URL.`;
    case '28000':
      if (/no pg_hba\.conf entry.*(no encryption|SSL off)/i.test(message))
        return `${at} accepts ${user} only over TLS; add ?sslmode=require to the URL.`;
      if (/role .* does not exist/i.test(message))
        return `There is no ${user} on ${at}; fix the user in the URL.`;
      return `${at} refused ${user} (${message}); check the user and the server's pg_hba.conf.`;
    case '3D000':
      return `The ${db} does not exist on ${at}; create it (CREATE DATABASE ${where.database}) or fix the URL.`;
    case '42501':
      return `${user} lacks a permission in ${db} (${message}). Spoke needs to create tables in its schema (GRANT CREATE ON SCHEMA public TO ${where.user}) and to write the peloton table.`;
    case '42P10':
    case '42830':
      return `The table peloton in ${db} has no primary key on workout_id, which Spoke upserts by; add one (ALTER TABLE peloton ADD PRIMARY KEY (workout_id)).`;
    case '53300':
      return `${at} has too many connections open; try again later.`;
    case '57P03':
      return `Postgres at ${at} is starting up or shutting down; try again shortly.`;
    case '55P03':
      return `The tables in ${db} have been held for two minutes by another load (another Spoke, or a long transaction writing to peloton); the next sync will try again.`;
    case 'ECONNREFUSED':
      return `Connection refused by ${at}: is Postgres running there, on that port?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Unknown host "${where.host}"; fix the host in the URL or check the network.`;
    case 'ETIMEDOUT':
      return `Timed out connecting to ${at}; check the host, the port and any firewall.`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `${at} closed the connection; the next sync will try again.`;
  }
  if (e?.code && CERT_ERRORS.has(e.code))
    return `The TLS certificate of ${at} cannot be verified (${e.code}): give its CA with sslrootcert=FILE, or use sslmode=require to encrypt without verifying.`;
  if (/does not support SSL/i.test(message))
    return `${at} does not accept TLS; use sslmode=disable in the URL, or turn on ssl in the server.`;
  if (/timeout/i.test(message))
    return `Timed out connecting to ${at}; check the host, the port and any firewall.`;
  if (/terminated|ended unexpectedly/i.test(message))
    return `${at} closed the connection; the next sync will try again.`;
  return `Postgres at ${at} answered: ${message}`;
}
