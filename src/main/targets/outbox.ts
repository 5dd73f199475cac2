import type { Cache } from '../cache/open-cache';

export type TargetName = 'csv' | 's3' | 'postgres';

/** A delivery still owed after a sync, and why: `spoke sync --json`'s `waiting`. */
export type Waiting = { target: TargetName; item: string; error: string | null; attempts: number };

/** A day owed to a destination, with the checksum of what it should hold. */
export type OwedItem = { item: string; checksum: string };

// Which checksum of target_days a delivery carries: an S3 object is the CSV file's
// bytes; Postgres rows carry the details too.
const CHECKSUM = { s3: 'csv_sha256', postgres: 'data_sha256' } as const;

/**
 * Days whose current content has not been delivered to `destination` (a bucket and
 * key layout, or a database): derived from checksums, not from a queue, so a new
 * bucket or database gets every day, and a delivery lost in a crash is simply owed
 * again (every delivery is idempotent).
 */
export function owedDeliveries(db: Cache, target: 's3' | 'postgres', destination: string): OwedItem[] {
  const column = CHECKSUM[target];
  return db
    .prepare<[string, string], OwedItem>(
      `SELECT d.day AS item, d.${column} AS checksum FROM target_days d
       LEFT JOIN target_deliveries t ON t.target = ? AND t.destination = ? AND t.item = d.day
       WHERE t.checksum IS NOT d.${column} ORDER BY d.day`,
    )
    .all(target, destination);
}

/** Records deliveries, and clears their outbox entries. */
export function markDelivered(db: Cache, target: TargetName, destination: string, items: OwedItem[]): void {
  const put = db.prepare(
    `INSERT INTO target_deliveries (target, destination, item, checksum, delivered_at)
     VALUES (?, ?, ?, ?, unixepoch())
     ON CONFLICT (target, destination, item) DO UPDATE SET checksum = excluded.checksum,
       delivered_at = excluded.delivered_at`,
  );
  const clear = db.prepare('DELETE FROM outbox WHERE target = ? AND item = ?');
  db.transaction(() => {
    for (const i of items) {
      put.run(target, destination, i.item, i.checksum);
      clear.run(target, i.item);
    }
  })();
}

/** Forgets deliveries to other destinations whose name starts like this one (an old table of a database). */
export function forgetOtherDestinations(db: Cache, target: TargetName, prefix: string, keep: string): void {
  db.prepare(
    'DELETE FROM target_deliveries WHERE target = ? AND substr(destination, 1, ?) = ? AND destination != ?',
  ).run(target, prefix.length, prefix, keep);
}

/** The destination last delivered to whose name starts like this one, if any. */
export function lastDestination(db: Cache, target: TargetName, prefix: string): string | null {
  return (
    db
      .prepare<[string, number, string], { destination: string }>(
        `SELECT destination FROM target_deliveries WHERE target = ? AND substr(destination, 1, ?) = ?
         ORDER BY delivered_at DESC LIMIT 1`,
      )
      .get(target, prefix.length, prefix)?.destination ?? null
  );
}

/** Records that these items could not be delivered, and why: one more attempt each. */
export function recordWaiting(
  db: Cache,
  target: TargetName,
  failed: { item: string; checksum: string | null }[],
  error: string,
): void {
  const put = db.prepare(
    `INSERT INTO outbox (target, item, checksum, attempts, last_error, created_at)
     VALUES (?, ?, ?, 1, ?, unixepoch())
     ON CONFLICT (target, item) DO UPDATE SET checksum = excluded.checksum,
       attempts = attempts + 1, last_error = excluded.last_error`,
  );
  db.transaction(() => {
    for (const f of failed) put.run(target, f.item, f.checksum, error);
  })();
}

/** Drops the target's outbox entries for items that are no longer owed. */
export function settleWaiting(db: Cache, target: Exclude<TargetName, 'csv'>, owed: OwedItem[]): void {
  db.prepare('DELETE FROM outbox WHERE target = ? AND item NOT IN (SELECT value FROM json_each(?))').run(
    target,
    JSON.stringify(owed.map((o) => o.item)),
  );
}

/** What is still owed to these targets after a failure, oldest day first. */
export function listWaiting(db: Cache, targets: TargetName[]): Waiting[] {
  if (targets.length === 0) return [];
  return db
    .prepare<[string], { target: TargetName; item: string; error: string | null; attempts: number }>(
      `SELECT target, item, last_error AS error, attempts FROM outbox
       WHERE target IN (SELECT value FROM json_each(?)) AND attempts > 0
       ORDER BY CASE target WHEN 'csv' THEN 0 WHEN 's3' THEN 1 ELSE 2 END, item`,
    )
    .all(JSON.stringify(targets));
}

const LABEL: Record<TargetName, string> = { csv: 'daily CSV', s3: 'S3', postgres: 'Postgres' };

/** One line for stderr: what is waiting, why, and that the next sync delivers it. */
export function waitingSummary(waiting: Waiting[]): string {
  const byTarget = new Map<TargetName, Waiting[]>();
  for (const w of waiting) byTarget.set(w.target, [...(byTarget.get(w.target) ?? []), w]);
  const parts = [...byTarget].map(([target, items]) => {
    const n = items.length === 1 ? `1 day` : `${items.length} days`;
    return `${LABEL[target]}: ${n} waiting (${items[0]?.error ?? 'not delivered yet'})`;
  });
  return `${parts.join('; ')}. The next sync will deliver ${waiting.length === 1 ? 'it' : 'them'}.`;
}
