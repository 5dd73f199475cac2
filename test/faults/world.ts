import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { FakePeloton } from '../../e2e/fake-peloton';
import { createServices } from '../../src/main/services';
import { fakeEnv } from '../helpers/fake';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { s3Settings, startTestS3, type TestS3 } from '../helpers/s3';
import { signedInFolder } from '../targets/kit';

/** One real Postgres and one real S3 (s3rver), shared by the whole fault suite. */
export type World = { pg: TestPostgres; s3: TestS3 };

/**
 * A signed-in data folder whose settings point at its own database and its own
 * key prefix in the world's bucket (or at `s3Endpoint`, a relay in front of it).
 */
export type Folder = {
  dir: string;
  dbUrl: string;
  db: string;
  prefix: string;
  env: NodeJS.ProcessEnv;
};

/** Starts Postgres and S3 for the suite. */
export async function startWorld(): Promise<World> {
  const [pg, s3] = await Promise.all([startTestPostgres(), startTestS3()]);
  return { pg, s3 };
}

let folders = 0;
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh folder, removed after the test: in memory (/dev/shm) where there is one,
 * as the test Postgres is, so that a hundred fsyncs of daily CSVs cost nothing;
 * `onDisk` for a test that wants a real disk's timing.
 */
export function faultDir(onDisk = false): string {
  const base = !onDisk && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(base, 'spoke-fault-'));
  made.push(dir);
  return dir;
}

export async function newFolder(
  world: World,
  fake: FakePeloton,
  options: { s3Endpoint?: string; onDisk?: boolean } = {},
): Promise<Folder> {
  const dir = await signedInFolder(fake, faultDir(options.onDisk));
  const s3Endpoint = options.s3Endpoint ?? world.s3.endpoint;
  const dbUrl = await world.pg.createDatabase();
  const prefix = `faults-${process.pid}-${++folders}`;
  const services = createServices({ dataDir: dir, face: 'cli' });
  try {
    services.settings.update({
      set: {
        ...s3Settings(world.s3, { 's3.endpoint': s3Endpoint, 's3.prefix': prefix }),
        'postgres.url': dbUrl,
      },
    });
  } finally {
    services.close();
  }
  return { dir, dbUrl, db: new URL(dbUrl).pathname.slice(1), prefix, env: fakeEnv(fake) };
}
