import { redact } from '../log/logger';
import { type S3Config, s3Host, s3Where } from './s3-config';

type SdkError = Error & {
  code?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string> };
};

/** The HTTP status of an S3 answer, when there was one. */
export function s3Status(error: unknown): number | undefined {
  return (error as SdkError)?.$metadata?.httpStatusCode;
}

/**
 * One sentence a user can act on, for an error of the S3 client. No credential
 * appears: the SDK's messages carry none, and any URL with user info is masked.
 */
export function describeS3Error(error: unknown, config: S3Config): string {
  const e = error as SdkError;
  const where = s3Where(config);
  const code = e?.code ?? '';
  const name = e?.name === 'Error' || e?.name === 'Unknown' ? (e.Code ?? '') : (e?.name ?? '');
  const status = s3Status(error);
  const endpoint = s3Host(config);
  if (code === 'ECONNREFUSED')
    return `Cannot reach ${endpoint}: connection refused; is the S3 server running?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `Cannot reach ${endpoint}: unknown host; check s3.endpoint and the network.`;
  // Before the timeout test: the SDK names a reset connection a TimeoutError too.
  if (code === 'ECONNRESET' || code === 'EPIPE') return `${endpoint} closed the connection; try again later.`;
  if (code === 'ETIMEDOUT' || name === 'TimeoutError' || name === 'RequestTimeout')
    return `Cannot reach ${endpoint}: the connection timed out; check the network.`;
  if (name === 'CredentialsProviderError')
    return 'No AWS credentials found: set s3.accessKeyId and s3.secretAccessKey, or AWS_PROFILE / AWS_ACCESS_KEY_ID.';
  if (name === 'NoSuchBucket' || (name === 'NotFound' && status === 404))
    return `The ${where} does not exist; create it or fix s3.bucket.`;
  if (name === 'InvalidAccessKeyId') return 'S3 does not know this access key id; check s3.accessKeyId.';
  if (name === 'SignatureDoesNotMatch')
    return 'The secret access key does not match the access key id; check s3.secretAccessKey.';
  if (name === 'InvalidBucketName') return `"${config.bucket}" is not a valid bucket name; fix s3.bucket.`;
  if (name === 'AccessDenied' || status === 403)
    return `Access denied to the ${where}: the credentials lack permission (s3:ListBucket to test, s3:PutObject to upload), or they are wrong.`;
  if (name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed' || status === 301) {
    const region = e?.$response?.headers?.['x-amz-bucket-region'];
    return `The ${where} is in ${region ? `region ${region}` : 'another region'}; set s3.region${region ? ` to ${region}` : ''}.`;
  }
  const said = redact(e?.message ?? String(error));
  return `S3 refused the request (${name || code || status || 'error'}${said && said !== 'UnknownError' ? `: ${said}` : ''}).`;
}
