import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Cache } from '../cache/open-cache';
import type { Logger } from '../log/logger';
import { createLimiter } from '../util/limiter';
import type { Progress } from './daily-csv';
import { dayFileName, sha256 } from './day-rows';
import { oweCsvDay } from './day-state';
import { markDelivered, type OwedItem, owedDeliveries, recordWaiting, settleWaiting } from './outbox';
import { createS3Client, type S3Config, s3Destination, s3Key } from './s3-config';
import { describeS3Error, s3Status } from './s3-errors';

/** A daily file that no longer holds what was written (edited or removed by hand). */
class ChangedOnDisk extends Error {}

/**
 * Uploads each day whose CSV this bucket and key layout has not received yet
 * (owedDeliveries), with its SHA-256 sent as ChecksumSHA256 so S3 verifies it. An
 * object that already holds the same checksum is left alone: the original Lambda
 * fires on every object written. Only daily CSVs are written, never anything else.
 * The first failure stops the step; what is left waits in the outbox for the next
 * sync. Returns the keys written.
 */
export async function uploadDailyCsv(
  db: Cache,
  config: S3Config,
  csvDir: string,
  log: Logger,
  progress: Progress,
): Promise<string[]> {
  const destination = s3Destination(config);
  const owed = owedDeliveries(db, 's3', destination);
  settleWaiting(db, 's3', owed);
  progress(0, owed.length);
  if (owed.length === 0) return [];
  if (config.problem) {
    recordWaiting(db, 's3', owed, config.problem);
    return [];
  }
  const client = createS3Client(config);
  const limit = createLimiter(4);
  const keys: string[] = [];
  const left = new Set(owed);
  let failure: string | null = null;
  let done = 0;
  try {
    await Promise.all(
      owed.map((item) =>
        limit(async () => {
          if (failure) return;
          try {
            const written = await uploadDay(client, config, csvDir, item);
            markDelivered(db, 's3', destination, [item]);
            left.delete(item);
            if (written) keys.push(written);
          } catch (error) {
            if (error instanceof ChangedOnDisk) {
              oweCsvDay(db, item.item);
              recordWaiting(db, 's3', [item], error.message);
              left.delete(item);
              return;
            }
            failure ??= describeS3Error(error, config);
            log.warn('S3 upload failed', { key: s3Key(config, item.item), error });
          }
          progress(++done, owed.length);
        }),
      ),
    );
  } finally {
    client.destroy();
  }
  if (left.size > 0) recordWaiting(db, 's3', [...left], failure ?? 'Not uploaded yet.');
  return keys.sort();
}

/** Puts one day's file unless the object already holds it; the key written, or null. */
async function uploadDay(
  client: S3Client,
  config: S3Config,
  csvDir: string,
  item: OwedItem,
): Promise<string | null> {
  const file = join(csvDir, dayFileName(item.item));
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch {
    body = Buffer.alloc(0);
  }
  if (sha256(body) !== item.checksum) {
    throw new ChangedOnDisk(`${file} changed on disk; the next sync rewrites and uploads it.`);
  }
  const Key = s3Key(config, item.item);
  const checksum = Buffer.from(item.checksum, 'hex').toString('base64');
  const head = await client
    .send(new HeadObjectCommand({ Bucket: config.bucket, Key, ChecksumMode: 'ENABLED' }))
    .catch((error: unknown) => {
      // Not there (404), or not readable with upload-only rights (403): put it.
      const status = s3Status(error);
      if (status === 404 || status === 403) return null;
      throw error;
    });
  if (head && (head.ChecksumSHA256 === checksum || head.Metadata?.sha256 === item.checksum)) return null;
  await client.send(
    new PutObjectCommand({
      Bucket: config.bucket,
      Key,
      Body: body,
      ContentType: 'text/csv; charset=utf-8',
      ChecksumSHA256: checksum,
      // S3-compatible stores may not keep ChecksumSHA256; this lets HEAD compare anyway.
      Metadata: { sha256: item.checksum },
    }),
  );
  return Key;
}
