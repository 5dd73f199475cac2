import { HeadBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { SettingsStore } from '../settings/settings-store';
import { createS3Client, readS3Config, s3Key, s3Where } from './s3-config';
import { describeS3Error, s3Status } from './s3-errors';

export type TargetCheck = { ok: boolean; message: string };

/**
 * Settings' "Test upload", which uploads nothing: the original pipeline's Lambda
 * runs on every new object in the bucket and would read a test file as a day of
 * workouts. It checks that the bucket exists and that these credentials can list
 * it (HeadBucket, then ListObjectsV2 with MaxKeys 1); the right to write is proven
 * by the first sync.
 */
export async function testS3(settings: SettingsStore): Promise<TargetCheck> {
  const config = readS3Config(settings);
  if (!config) return { ok: false, message: 'No S3 bucket is set; set s3.bucket first.' };
  if (config.problem) return { ok: false, message: config.problem };
  const client = createS3Client(config);
  try {
    try {
      await client.send(new HeadBucketCommand({ Bucket: config.bucket }));
    } catch (error) {
      // A HEAD answer has no body, so a 400/403 says little: ask again with a GET,
      // whose error names the cause (InvalidAccessKeyId, SignatureDoesNotMatch, ...).
      const status = s3Status(error);
      if (status !== 400 && status !== 403) throw error;
    }
    await client.send(new ListObjectsV2Command({ Bucket: config.bucket, MaxKeys: 1 }));
    const example = s3Key(config, '2023-05-29');
    return {
      ok: true,
      message: `Connected: the ${s3Where(config)} exists and these credentials can list it. Nothing was uploaded (a test object would set off anything that watches the bucket); days will go to keys like ${example}.`,
    };
  } catch (error) {
    return { ok: false, message: describeS3Error(error, config) };
  } finally {
    client.destroy();
  }
}
