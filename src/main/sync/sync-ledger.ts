import type { Cache } from '../cache/open-cache';

/** The run ledger: one row per sync, with what it did or why it failed. */
export function startRun(db: Cache, kind: string): number {
  const info = db
    .prepare("INSERT INTO sync_runs (kind, started_at, status) VALUES (?, ?, 'running')")
    .run(kind, Math.floor(Date.now() / 1000));
  return Number(info.lastInsertRowid);
}

export function finishRun(
  db: Cache,
  id: number,
  outcome: { status: 'ok' | 'failed' | 'partial'; summary?: unknown; error?: string },
) {
  db.prepare(
    'UPDATE sync_runs SET finished_at = ?, status = ?, summary_json = ?, error = ? WHERE id = ?',
  ).run(
    Math.floor(Date.now() / 1000),
    outcome.status,
    outcome.summary === undefined ? null : JSON.stringify(outcome.summary),
    outcome.error ?? null,
    id,
  );
}

export type SyncRunRow = {
  id: number;
  kind: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  summary: unknown;
  error: string | null;
};

export function recentRuns(db: Cache, limit = 20): SyncRunRow[] {
  return db
    .prepare<
      [number],
      {
        id: number;
        kind: string;
        started_at: number;
        finished_at: number | null;
        status: string;
        summary_json: string | null;
        error: string | null;
      }
    >('SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?')
    .all(limit)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      startedAt: new Date(r.started_at * 1000).toISOString(),
      finishedAt: r.finished_at ? new Date(r.finished_at * 1000).toISOString() : null,
      status: r.status,
      summary: r.summary_json ? JSON.parse(r.summary_json) : null,
      error: r.error,
    }));
}

export function syncState(db: Cache, riderId: string): { highWaterMark: number | null } {
  const row = db
    .prepare<[string], { high_water_mark: number | null }>(
      'SELECT high_water_mark FROM sync_state WHERE rider_id = ?',
    )
    .get(riderId);
  return { highWaterMark: row?.high_water_mark ?? null };
}

/** Advances a rider's high-water mark; called only after the workouts it covers are committed. */
export function markSynced(db: Cache, riderId: string, highWaterMark: number | null): void {
  db.prepare(
    `INSERT INTO sync_state (rider_id, high_water_mark, last_sync_at) VALUES (?, ?, ?)
     ON CONFLICT (rider_id) DO UPDATE SET
       high_water_mark = MAX(COALESCE(sync_state.high_water_mark, 0), COALESCE(excluded.high_water_mark, 0)),
       last_sync_at = excluded.last_sync_at`,
  ).run(riderId, highWaterMark, Math.floor(Date.now() / 1000));
}
