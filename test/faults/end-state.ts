import { readdirSync } from 'node:fs';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import { readCsv } from '../../src/main/imports/read-csv';
import { SEED_COLUMNS } from '../../src/main/imports/seed-format';
import { csvFolder } from '../../src/main/targets/deliver-targets';
import { S3_BUCKET, S3_KEY } from '../helpers/s3';
import { cachedWorkouts } from '../sync/kit';
import { csvFiles } from '../targets/kit';
import type { Folder, World } from './world';

/**
 * Everything a sync leaves behind, in a form two runs can be compared by: the
 * cache's workouts (every column but the write time), each daily CSV's bytes
 * (every file in the folder, stray ones included), each object under the
 * folder's prefix (key without the prefix → bytes), and the two Postgres tables'
 * rows as JSON text (details without updated_at, the time of the load).
 */
export type EndState = {
  cache: string[];
  csv: Record<string, string>;
  s3: Record<string, string>;
  peloton: string[];
  details: string[];
};

export async function endState(world: World, folder: Folder): Promise<EndState> {
  const [s3, pg] = await Promise.all([bucket(world, folder), tables(world, folder)]);
  return {
    cache: cachedWorkouts(folder.dir).map((w) => JSON.stringify(w)),
    csv: Object.fromEntries(csvFiles(folder.dir)),
    s3,
    ...pg,
  };
}

async function bucket(world: World, folder: Folder): Promise<Record<string, string>> {
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: world.s3.endpoint,
    forcePathStyle: true,
    credentials: S3_KEY,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: S3_BUCKET,
          Prefix: `${folder.prefix}/`,
          ContinuationToken: token,
        }),
      );
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = page.NextContinuationToken;
    } while (token);
    const out: Record<string, string> = {};
    for (const key of keys.sort()) {
      const got = await client.send(new GetObjectCommand({ Bucket: S3_BUCKET, Key: key }));
      out[key.slice(folder.prefix.length + 1)] = (await got.Body?.transformToString('utf8')) ?? '';
    }
    return out;
  } finally {
    client.destroy();
  }
}

async function tables(world: World, folder: Folder): Promise<{ peloton: string[]; details: string[] }> {
  const exists = await world.pg.sql(
    "SELECT to_regclass('peloton') IS NOT NULL AS p, to_regclass('peloton_workout_details') IS NOT NULL AS d",
    folder.db,
  );
  const rows = async (sql: string) => (await world.pg.sql(sql, folder.db)).rows.map((r) => String(r.j));
  return {
    peloton: exists.rows[0]?.p
      ? await rows('SELECT to_jsonb(p)::text AS j FROM peloton p ORDER BY workout_id')
      : [],
    details: exists.rows[0]?.d
      ? await rows(
          "SELECT (to_jsonb(d) - 'updated_at')::text AS j FROM peloton_workout_details d ORDER BY workout_id",
        )
      : [],
  };
}

const DAY_FILE = /^(\d{4})_(\d{2})_(\d{2})\.csv$/;
const DAY_KEY = /^(\d{4})\/(\d{2})\/daily_upload(\d{4})_(\d{2})_(\d{2})\.csv$/;

/**
 * Nothing is half-written, whatever state a failed or killed run left: the CSV
 * folder holds only daily files, each a whole daily CSV of workouts the cache has,
 * all of that file's day; each object is a whole daily CSV under its day's key;
 * every `peloton` row has its details row and is a workout the cache has.
 */
export async function expectWhole(world: World, folder: Folder): Promise<void> {
  const ids = new Set(cachedWorkouts(folder.dir).map((w) => w.id));
  let names: string[] = [];
  try {
    names = readdirSync(csvFolder(folder.dir));
  } catch {
    // no CSV folder (or not a folder): nothing written there
  }
  for (const name of names) expect(name, 'a stray file in the CSV folder').toMatch(DAY_FILE);
  for (const [name, text] of csvFiles(folder.dir)) {
    const [, y, m, d] = DAY_FILE.exec(name) ?? [];
    expectDailyCsv(text, `${y}-${m}-${d}`, ids, name);
  }
  const { s3: objects, peloton, details } = await endState(world, folder);
  for (const [key, text] of Object.entries(objects)) {
    const m = DAY_KEY.exec(key);
    expect(m, `object ${key}`).not.toBeNull();
    expectDailyCsv(text, `${m?.[3]}-${m?.[4]}-${m?.[5]}`, ids, key);
  }
  expect(details).toHaveLength(peloton.length);
  for (const row of peloton) expect(ids.has(JSON.parse(row).workout_id)).toBe(true);
}

function expectDailyCsv(text: string, day: string, ids: Set<string>, name: string): void {
  expect(text.endsWith('\n'), `${name} ends mid-line`).toBe(true);
  const table = readCsv(Buffer.from(text, 'utf8'), name);
  expect(table.header).toEqual([...SEED_COLUMNS]);
  expect(table.records.length, `${name} has no rows`).toBeGreaterThan(0);
  for (const { fields } of table.records) {
    expect(fields).toHaveLength(SEED_COLUMNS.length);
    expect(ids.has(fields[0] ?? ''), `${name}: ${fields[0]} is not in the cache`).toBe(true);
    expect(fields[1]?.slice(0, 10), `${name}: a row of another day`).toBe(day);
  }
}
