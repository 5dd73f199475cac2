import { join } from 'node:path';
import type { FakePeloton, FakePelotonOptions } from '../../e2e/fake-peloton';
import { openCache } from '../../src/main/cache/open-cache';
import type { TokenSet } from '../../src/main/peloton/oauth-tokens';
import { createServices, type Services } from '../../src/main/services';
import type { SyncResult } from '../../src/main/sync/run-sync';
import { fakeEnv, fakePeloton } from '../helpers/fake';
import { type CliRun, spoke } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

/** One fake Peloton, one fresh data folder, and the environment that joins them. */
export type Rig = {
  fake: FakePeloton;
  dir: string;
  env: NodeJS.ProcessEnv;
  /** `spoke ARGS --data-dir DIR` against the fake. */
  cli(args: string[], stdin?: string): Promise<CliRun>;
};

export async function rig(options: FakePelotonOptions = {}): Promise<Rig> {
  const fake = await fakePeloton(options);
  const dir = tempDir();
  const env = fakeEnv(fake);
  return {
    fake,
    dir,
    env,
    cli: (args, stdin) => spoke([...args, '--data-dir', dir], { env, stdin }),
  };
}

/** Signs every account of the fake in with email and password (the scripted PKCE login). */
export async function signInAll(r: Rig): Promise<void> {
  for (const a of r.fake.accounts) {
    const run = await r.cli(
      ['rider', 'add', '--email', a.email, '--password-stdin', '--json'],
      `${a.password}\n`,
    );
    if (run.code !== 0) throw new Error(`sign-in of ${a.email} failed: ${run.stderr}`);
  }
}

/** `spoke sync --json`: the exit status, the parsed result and what went to stderr. */
export async function syncJson(
  r: Rig,
  args: string[] = [],
): Promise<{ code: number; result: SyncResult; stderr: string }> {
  const run = await r.cli(['sync', '--json', ...args]);
  return { code: run.code, result: JSON.parse(run.stdout) as SyncResult, stderr: run.stderr };
}

/** Runs `fn` on the same services the CLI builds for this data folder, then closes them. */
export async function withServices<T>(r: Rig, fn: (s: Services) => T | Promise<T>): Promise<T> {
  const s = createServices({ dataDir: r.dir, face: 'cli', env: r.env });
  try {
    return await fn(s);
  } finally {
    s.close();
  }
}

export type CachedWorkout = {
  id: string;
  rider_id: string;
  start_time: number;
  timezone: string | null;
  title: string;
  instructor_id: string | null;
  instructor: string | null;
  class_type: string;
  ride_kind: string;
  length_min: number;
  output_kj: number;
  status: string;
  source: string;
  metrics_json: string | null;
  raw_json: string | null;
};

/** Rows of a table in the data folder's cache, read the way any SQLite client would. */
export function query<T>(dir: string, sql: string, ...params: unknown[]): T[] {
  const db = openCache(join(dir, 'spoke.db'));
  try {
    return db.prepare<unknown[], T>(sql).all(...params);
  } finally {
    db.close();
  }
}

export function cachedWorkouts(dir: string, riderId?: string): CachedWorkout[] {
  const cols =
    'id, rider_id, start_time, timezone, title, instructor_id, instructor, class_type, ride_kind, length_min, output_kj, status, source, metrics_json, raw_json';
  return riderId === undefined
    ? query<CachedWorkout>(dir, `SELECT ${cols} FROM workouts ORDER BY id`)
    : query<CachedWorkout>(dir, `SELECT ${cols} FROM workouts WHERE rider_id = ? ORDER BY id`, riderId);
}

/** The workouts table, every column but the write time, in a stable order: equal text means an equal cache. */
export function canonicalDump(dir: string): string {
  return cachedWorkouts(dir)
    .map((w) => JSON.stringify(w))
    .join('\n');
}

export function syncStateOf(dir: string, riderId: string): { high_water_mark: number | null } | undefined {
  return query<{ high_water_mark: number | null }>(
    dir,
    'SELECT high_water_mark FROM sync_state WHERE rider_id = ?',
    riderId,
  )[0];
}

/** The tokens Spoke keeps (encrypted) for a rider, decrypted. */
export function storedTokens(r: Rig, riderId: string): Promise<TokenSet | null> {
  return withServices(r, (s) => {
    const raw = s.secrets.get(`peloton:${riderId}`);
    return raw ? (JSON.parse(raw) as TokenSet) : null;
  });
}

/** Spends a refresh token directly at the fake's token endpoint, as a second copy of it would. */
export async function spendRefreshToken(r: Rig, refreshToken: string): Promise<Response> {
  const endpoints = await withServices(r, (s) => s.peloton.endpoints());
  return fetch(`${r.fake.authUrl}${endpoints.tokenPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'refresh_token',
      client_id: endpoints.clientId,
      refresh_token: refreshToken,
    }),
  });
}

/** Makes a rider's stored tokens look `ms` older, as if the sign-in had happened that long ago. */
export function ageTokens(r: Rig, riderId: string, ms: number): Promise<void> {
  return withServices(r, (s) => {
    const raw = s.secrets.get(`peloton:${riderId}`);
    if (!raw) throw new Error(`no tokens for ${riderId}`);
    const t = JSON.parse(raw) as TokenSet;
    const aged = { ...t, expiresAt: t.expiresAt - ms, obtainedAt: (t.obtainedAt ?? Date.now()) - ms };
    s.secrets.set(`peloton:${riderId}`, JSON.stringify(aged));
  });
}
