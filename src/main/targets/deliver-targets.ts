import { join } from 'node:path';
import type { Cache } from '../cache/open-cache';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import { type Progress, writeDailyCsv } from './daily-csv';
import { listWaiting, type TargetName, type Waiting } from './outbox';
import { loadIntoPostgres, type PostgresHooks } from './postgres';
import { uploadDailyCsv } from './s3';
import { readS3Config } from './s3-config';

export type TargetsResult = {
  /** Daily CSV files written (their bytes changed). */
  csvFiles: string[];
  /** S3 keys written (objects that already held the same bytes are not counted). */
  s3Keys: string[];
  /** Null when no database is set. */
  postgres: { upserted: number } | null;
  /** What is still owed, and why; the next sync delivers it. */
  waiting: Waiting[];
};

export type TargetsServices = { cache: Cache; dataDir: string; settings: SettingsStore; log: Logger };

/** The data folder's daily CSV folder. */
export const csvFolder = (dataDir: string) => join(dataDir, 'csv');

/**
 * The end of every sync: daily CSVs for every owed day, then S3 if a bucket is set,
 * then Postgres if a database is set. Each step delivers what is owed to it, so a
 * day that an earlier sync could not deliver (the target was down, the process
 * died) is delivered now. A target that fails does not stop the others; what it
 * owes is listed in `waiting`.
 */
export async function deliverTargets(
  services: TargetsServices,
  progress: (step: TargetName) => Progress,
  hooks: { postgres?: PostgresHooks } = {},
): Promise<TargetsResult> {
  const { cache: db, log, settings } = services;
  const csvDir = csvFolder(services.dataDir);
  const targets: TargetName[] = ['csv'];
  const csvFiles = writeDailyCsv(db, csvDir, log, progress('csv'));
  let s3Keys: string[] = [];
  const s3 = readS3Config(settings);
  if (s3) {
    targets.push('s3');
    s3Keys = await uploadDailyCsv(db, s3, csvDir, log, progress('s3'));
  }
  let postgres: TargetsResult['postgres'] = null;
  const url = settings.get('postgres.url');
  if (typeof url === 'string' && url.trim() !== '') {
    targets.push('postgres');
    postgres = await loadIntoPostgres(db, url.trim(), log, progress('postgres'), hooks.postgres);
  }
  return { csvFiles, s3Keys, postgres, waiting: listWaiting(db, targets) };
}
