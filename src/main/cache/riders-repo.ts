import type { Rider } from '../../shared/model';
import { UserError } from '../errors';
import type { Cache } from './open-cache';

type RiderRow = { id: string; name: string; username: string | null; source: string };

export function listRiders(db: Cache): Rider[] {
  return db
    .prepare<
      [],
      {
        id: string;
        name: string;
        username: string | null;
        source: Rider['source'];
        lastSyncAt: number | null;
        workouts: number;
      }
    >(
      `SELECT r.id, r.name, r.username, r.source, s.last_sync_at AS lastSyncAt,
              (SELECT COUNT(*) FROM workouts w WHERE w.rider_id = r.id) AS workouts
         FROM riders r LEFT JOIN sync_state s ON s.rider_id = r.id ORDER BY r.name`,
    )
    .all()
    .map((r) => ({ ...r, lastSyncAt: r.lastSyncAt ? new Date(r.lastSyncAt * 1000).toISOString() : null }));
}

/** The rider whose id or name is `idOrName`, ignoring case (an id wins over a name). */
export function lookupRider(db: Cache, idOrName: string): RiderRow | undefined {
  const key = idOrName.trim();
  return db
    .prepare<[{ key: string }], RiderRow>(
      `SELECT id, name, username, source FROM riders WHERE id = @key COLLATE NOCASE OR name = @key COLLATE NOCASE
       ORDER BY id = @key COLLATE NOCASE DESC LIMIT 1`,
    )
    .get({ key });
}

/** A rider by id or name, ignoring case; an unknown one is an error that lists the riders. */
export function findRider(db: Cache, idOrName: string): RiderRow {
  const found = lookupRider(db, idOrName);
  if (found) return found;
  const names = db.prepare<[], { name: string }>('SELECT name FROM riders ORDER BY name').all();
  throw new UserError(
    `Unknown rider "${idOrName}". Riders: ${names.map((r) => r.name).join(', ') || 'none yet'}.`,
    'not_found',
  );
}

export function pelotonRiders(db: Cache): RiderRow[] {
  return db
    .prepare<[], RiderRow>(
      "SELECT id, name, username, source FROM riders WHERE source = 'peloton' ORDER BY name",
    )
    .all();
}

/**
 * Records a signed-in Peloton rider, keyed by Peloton user id. A rider known so far
 * only by name (from an import of the original pipeline's CSV) is adopted: their
 * workouts move to the Peloton id, so the first sync adds to them rather than duplicating.
 */
export function savePelotonRider(
  db: Cache,
  rider: { id: string; name: string; username: string | null },
): void {
  const now = Math.floor(Date.now() / 1000);
  db.transaction(() => {
    const sameName = db
      .prepare<[string, string], RiderRow>(
        'SELECT id, name, username, source FROM riders WHERE name = ? COLLATE NOCASE AND id != ?',
      )
      .get(rider.name, rider.id);
    if (sameName?.source === 'peloton') {
      throw new UserError(
        `Another Peloton account is already named "${rider.name}" in Spoke; remove it first.`,
        'conflict',
      );
    }
    if (sameName && !db.prepare('SELECT 1 FROM riders WHERE id = ?').get(rider.id)) {
      // Re-key the imported rider; foreign keys are checked when the transaction commits.
      db.pragma('defer_foreign_keys = ON');
      db.prepare('UPDATE riders SET id = ? WHERE id = ?').run(rider.id, sameName.id);
      db.prepare('UPDATE workouts SET rider_id = ? WHERE rider_id = ?').run(rider.id, sameName.id);
      db.prepare('UPDATE sync_state SET rider_id = ? WHERE rider_id = ?').run(rider.id, sameName.id);
    }
    db.prepare(
      `INSERT INTO riders (id, name, username, source, created_at) VALUES (?, ?, ?, 'peloton', ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, username = excluded.username, source = 'peloton'`,
    ).run(rider.id, rider.name, rider.username, now);
  })();
}

/** Removes a rider and everything cached for them. */
export function removeRider(db: Cache, id: string): number {
  return db.transaction(() => {
    const { n } = db
      .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM workouts WHERE rider_id = ?')
      .get(id) ?? {
      n: 0,
    };
    db.prepare('DELETE FROM workouts WHERE rider_id = ?').run(id);
    db.prepare('DELETE FROM sync_state WHERE rider_id = ?').run(id);
    db.prepare('DELETE FROM riders WHERE id = ?').run(id);
    return n;
  })();
}
