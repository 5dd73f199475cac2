import { S3Client } from '@aws-sdk/client-s3';
import type { SettingsStore } from '../settings/settings-store';

export type S3Config = {
  bucket: string;
  /** A folder: '' or without leading/trailing slashes. */
  prefix: string;
  keyTemplate: string;
  region: string;
  endpoint: string | null;
  forcePathStyle: boolean;
  /** Both set, or neither (then the AWS SDK's default credential chain). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** What is wrong with these settings, if anything: nothing is sent then. */
  problem: string | null;
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** The S3 settings in force, or null when no bucket is set (no upload step). */
export function readS3Config(settings: SettingsStore): S3Config | null {
  const bucket = text(settings.get('s3.bucket'));
  if (!bucket) return null;
  const accessKeyId = text(settings.get('s3.accessKeyId'));
  const secretAccessKey = text(settings.get('s3.secretAccessKey'));
  const forcePathStyle = settings.get('s3.forcePathStyle');
  return {
    bucket,
    prefix: (text(settings.get('s3.prefix')) ?? '').replace(/^\/+|\/+$/g, ''),
    keyTemplate: text(settings.get('s3.keyTemplate')) ?? 'YYYY/MM/daily_uploadYYYY_MM_DD.csv',
    region: text(settings.get('s3.region')) ?? 'us-east-1',
    endpoint: text(settings.get('s3.endpoint')),
    forcePathStyle: forcePathStyle === true || forcePathStyle === 'true',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
    problem:
      Boolean(accessKeyId) === Boolean(secretAccessKey)
        ? null
        : 'Set both s3.accessKeyId and s3.secretAccessKey, or neither to use the AWS credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...).',
  };
}

/**
 * The object key of a day (`YYYY-MM-DD`): the key template with YYYY, MM and DD
 * filled in, under the prefix as a folder (`spoke` and `spoke/` both give `spoke/...`).
 */
export function s3Key(config: Pick<S3Config, 'prefix' | 'keyTemplate'>, day: string): string {
  const [y = '', m = '', d = ''] = day.split('-');
  const name = config.keyTemplate
    .replaceAll('YYYY', y)
    .replaceAll('MM', m)
    .replaceAll('DD', d)
    .replace(/^\/+/, '');
  const prefix = config.prefix.replace(/^\/+|\/+$/g, '');
  return prefix ? `${prefix}/${name}` : name;
}

/** Where days are delivered, without credentials: a new one owes every day again. */
export function s3Destination(config: S3Config): string {
  return JSON.stringify([config.endpoint ?? 'aws', config.bucket, config.prefix, config.keyTemplate]);
}

/** The endpoint's host for messages (never its user info), or "S3" for AWS. */
export function s3Host(config: S3Config): string {
  if (!config.endpoint) return 'S3';
  try {
    return new URL(config.endpoint).host || 'the S3 endpoint';
  } catch {
    return 'the S3 endpoint';
  }
}

/** Where the bucket lives, for messages. */
export function s3Where(config: S3Config): string {
  return config.endpoint ? `bucket "${config.bucket}" at ${s3Host(config)}` : `bucket "${config.bucket}"`;
}

export function createS3Client(config: S3Config): S3Client {
  // Spoke runs on Node 20 by design (see architecture.md); the SDK's notice about
  // its future Node 22 requirement would land in every `spoke sync` stderr.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint ?? undefined,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials ?? undefined,
    // S3-compatible stores (s3rver, older MinIO) reject the SDK's default CRC32 trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  });
}
