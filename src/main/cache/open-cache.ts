import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../errors';
import { migrations as allMigrations, type Migration } from './migrations';

export type Cache = Database.Database;

export type OpenCacheOptions = {
  /** Path of a better_sqlite3.node built for the runtime that loads it (Electron keeps its own). */
  nativeBinding?: string;
  migrations?: Migration[];
};

/** Opens (creating if needed) the SQLite cache in WAL mode and brings its schema up to date. */
export function openCache(path: string, options: OpenCacheOptions = {}): Cache {
  let db: Cache;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw unwritable(error, path);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? allMigrations);
    return db;
  } catch (error) {
    db.close();
    throw unwritable(error, path);
  }
}

/** A cache SQLite cannot write (a read-only folder or disk, permissions), told as what to fix. */
function unwritable(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code !== 'SQLITE_CANTOPEN' && code !== 'SQLITE_PERM' && !code.startsWith('SQLITE_READONLY'))
    return error;
  return new UserError(
    `Cannot write the cache ${path} (${code}); check that the data folder ${dirname(path)} is writable and its disk is not read-only.`,
  );
}

const checksum = (m: Migration) => createHash('sha256').update(m.sql).digest('hex');

export function migrate(db: Cache, migrations: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Map(
    db
      .prepare<[], { version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')
      .all()
      .map((row) => [row.version, row.checksum]),
  );
  const known = new Set(migrations.map((m) => m.version));
  for (const version of applied.keys()) {
    if (!known.has(version)) {
      throw new UserError(
        `This cache was written by a newer Spoke (schema version ${version}); update Spoke to open it.`,
      );
    }
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = applied.get(m.version);
    if (done !== undefined) {
      if (done !== checksum(m))
        throw new Error(`Migration ${m.version} (${m.name}) changed after it was applied.`);
      continue;
    }
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare(
        'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
      ).run(m.version, m.name, checksum(m), Math.floor(Date.now() / 1000));
    })();
  }
}
