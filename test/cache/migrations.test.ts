import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/cache/migrations';
import { openCache } from '../../src/main/cache/open-cache';
import { tempDir } from '../helpers/temp-dir';

describe('the SQLite cache', () => {
  it('opens in WAL mode and records each migration once', () => {
    const path = join(tempDir(), 'spoke.db');
    const db = openCache(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(applied).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    db.close();
    const again = openCache(path);
    expect(again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({
      n: migrations.length,
    });
    again.close();
  });

  it('fails loudly when an applied migration was edited', () => {
    const path = join(tempDir(), 'spoke.db');
    openCache(path).close();
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(() => openCache(path, { migrations: edited })).toThrow(/Migration 1 \(initial\) changed/);
  });

  it('refuses a cache written by a newer Spoke with a message saying what to do', () => {
    const path = join(tempDir(), 'spoke.db');
    const newer = [...migrations, { version: 999, name: 'future', sql: 'CREATE TABLE future (x)' }];
    openCache(path, { migrations: newer }).close();
    expect(() => openCache(path)).toThrow(
      'This cache was written by a newer Spoke (schema version 999); update Spoke to open it.',
    );
  });

  it('rebuilds the workouts table (migration 6) keeping every row, and its triggers and checks still work', () => {
    const path = join(tempDir(), 'spoke.db');
    const before6 = openCache(path, { migrations: migrations.filter((m) => m.version < 6) });
    before6.exec(`INSERT INTO riders (id, name, source, created_at) VALUES ('r1', 'Ann', 'import', 0);
      INSERT INTO workouts (id, rider_id, start_time, title, class_type, ride_kind, length_min, output_kj, source, metrics_json, updated_at)
      VALUES ('w1', 'r1', 1700000000, '=1+1 Ride', 'cycling', 'lanebreak', 20, 210.5, 'seed', '{"avgWatts":150}', 5),
             ('w2', 'r1', 1700090000, 'Yoga', 'yoga', 'class', 10, 0, 'peloton', NULL, 6);
      DELETE FROM outbox;`);
    const rows = before6.prepare('SELECT * FROM workouts ORDER BY id').all();
    before6.close();

    const db = openCache(path);
    expect(db.prepare('SELECT * FROM workouts ORDER BY id').all()).toEqual(rows);
    // Moving rows owes no daily CSV; a later write does, through the recreated triggers.
    expect(db.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(0);
    db.prepare("UPDATE workouts SET title = 'Yoga Flow' WHERE id = 'w2'").run();
    db.prepare("UPDATE riders SET name = 'Anne' WHERE id = 'r1'").run();
    expect(db.prepare("SELECT item FROM outbox WHERE target = 'csv' ORDER BY item").pluck().all()).toEqual([
      '2023-11-14',
      '2023-11-15',
    ]);
    expect(() =>
      db.exec(`INSERT INTO workouts (id, rider_id, start_time, title, class_type, ride_kind, length_min, source, updated_at)
               VALUES ('w3', 'r1', 1, 't', 'cycling', 'bmx', 20, 'seed', 1)`),
    ).toThrow(/CHECK constraint failed/);
    expect(
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE tbl_name = 'workouts' AND type IN ('index', 'trigger') ORDER BY name",
        )
        .pluck()
        .all(),
    ).toEqual([
      'sqlite_autoindex_workouts_1',
      'workouts_by_length',
      'workouts_owe_csv_delete',
      'workouts_owe_csv_insert',
      'workouts_owe_csv_update',
      'workouts_report',
      'workouts_time',
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
