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
});
