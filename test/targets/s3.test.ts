import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFolder, deliverTargets } from '../../src/main/targets/deliver-targets';
import { createS3Client, readS3Config, s3Key } from '../../src/main/targets/s3-config';
import { S3_BUCKET, s3Settings, startTestS3, type TestS3 } from '../helpers/s3';
import { tempDir } from '../helpers/temp-dir';
import { configure, seedSlice, servicesAt } from './kit';

const quiet = () => () => {};

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.close();
});

/** A data folder with a slice of the seed imported and this bucket configured. */
function folder(extra: Record<string, string> = {}) {
  const services = servicesAt(tempDir());
  configure(services, s3Settings(s3, extra));
  services.importFile(seedSlice(12));
  return services;
}

describe('S3 target', () => {
  it('fills the key template under the prefix, a folder whether or not it ends in a slash', () => {
    const template = 'YYYY/MM/daily_uploadYYYY_MM_DD.csv';
    for (const prefix of ['spoke', 'spoke/', '/spoke/'])
      expect(s3Key({ prefix, keyTemplate: template }, '2023-05-29')).toBe(
        'spoke/2023/05/daily_upload2023_05_29.csv',
      );
    expect(s3Key({ prefix: '', keyTemplate: template }, '2023-05-29')).toBe(
      '2023/05/daily_upload2023_05_29.csv',
    );
    expect(s3Key({ prefix: 'a/b', keyTemplate: 'DD-MM-YYYY.csv' }, '2023-05-09')).toBe('a/b/09-05-2023.csv');
  });

  it('uploads each day with its SHA-256, and writes nothing again when nothing changed', async () => {
    const services = folder({ 's3.prefix': 'spoke/' });
    const writesBefore = s3.writes.length;
    const first = await deliverTargets(services, quiet);
    const days = [...new Set(first.csvFiles.map((f) => f.slice(-14, -4).replaceAll('_', '-')))].sort();
    expect(first.s3Keys).toEqual(
      days.map((d) => `spoke/${d.slice(0, 4)}/${d.slice(5, 7)}/daily_upload${d.replaceAll('-', '_')}.csv`),
    );
    expect(first.waiting).toEqual([]);
    expect(s3.writes.slice(writesBefore).sort()).toEqual(first.s3Keys);

    const config = readS3Config(services.settings);
    if (!config) throw new Error('no config');
    const client = createS3Client(config);
    const key = first.s3Keys[0] ?? '';
    const local = readFileSync(join(csvFolder(services.dataDir), `${key.slice(-14)}`));
    const object = await client.send(new GetObjectCommand({ Bucket: S3_BUCKET, Key: key }));
    expect(Buffer.from((await object.Body?.transformToByteArray()) ?? [])).toEqual(local);
    const head = await client.send(new HeadObjectCommand({ Bucket: S3_BUCKET, Key: key }));
    expect(head.Metadata?.sha256).toMatch(/^[0-9a-f]{64}$/);
    client.destroy();

    const writes = s3.writes.length;
    expect((await deliverTargets(services, quiet)).s3Keys).toEqual([]);
    // Another data folder with the same workouts finds the same bytes there (HEAD) and writes nothing.
    expect((await deliverTargets(folder({ 's3.prefix': 'spoke' }), quiet)).s3Keys).toEqual([]);
    expect(s3.writes.length).toBe(writes);

    // A changed workout uploads its day's file again, and only that one.
    const changed = services.cache
      .prepare<[], { id: string; start_time: number }>(
        'SELECT id, start_time FROM workouts ORDER BY start_time DESC LIMIT 1',
      )
      .get();
    services.cache.prepare('UPDATE workouts SET output_kj = output_kj + 1 WHERE id = ?').run(changed?.id);
    const again = await deliverTargets(services, quiet);
    expect(again.s3Keys).toEqual([
      s3Key(
        { prefix: 'spoke', keyTemplate: 'YYYY/MM/daily_uploadYYYY_MM_DD.csv' },
        new Date((changed?.start_time ?? 0) * 1000).toISOString().slice(0, 10),
      ),
    ]);
  });

  it('waits in the outbox while S3 is down, and the next sync uploads', async () => {
    const services = folder({ 's3.prefix': 'down-then-back' });
    await s3.stop();
    try {
      const down = await deliverTargets(services, quiet);
      expect(down.s3Keys).toEqual([]);
      expect(down.waiting.length).toBeGreaterThan(1);
      for (const w of down.waiting) {
        expect(w).toEqual({
          target: 's3',
          item: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          error: expect.stringMatching(/^Cannot reach 127\.0\.0\.1:\d+: connection refused/),
          attempts: 1,
        });
      }
    } finally {
      await s3.start();
    }
    const back = await deliverTargets(services, quiet);
    expect(back.waiting).toEqual([]);
    expect(back.s3Keys.length).toBeGreaterThan(1);
    expect(back.s3Keys.every((k) => k.startsWith('down-then-back/'))).toBe(true);
  });

  it('names the missing bucket, and keeps the days owed', async () => {
    const services = folder({ 's3.bucket': 'no-such-bucket' });
    const result = await deliverTargets(services, quiet);
    expect(result.waiting[0]).toMatchObject({
      target: 's3',
      error: expect.stringContaining('The bucket "no-such-bucket" at 127.0.0.1'),
    });
  });
});
