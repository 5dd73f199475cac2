import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startTestPostgres, type TestPostgres } from '../../test/helpers/postgres';
import { S3_BUCKET, S3_KEY, startTestS3, type TestS3 } from '../../test/helpers/s3';

// The same servers the vitest target tests use (those helpers import nothing from vitest):
// embedded Postgres and s3rver, started here for a Playwright spec file.

/** An ordinary role that owns its database: what a user would be given, not a superuser. */
export const PG_ROLE = { name: 'spoke_rider', password: 'ride-on-2026' };

export type Targets = {
  pg: TestPostgres;
  s3: TestS3;
  /** The libpq URL of the role's database, with the right password or the one given. */
  pgUrl(password?: string): string;
  database: string;
  /** Every object key in the bucket, sorted. */
  bucketKeys(): Promise<string[]>;
  /** Rows of the table peloton, as the original notebook would read them. */
  pelotonRows(): Promise<{ workout_id: string; rider_name: string }[]>;
  close(): Promise<void>;
};

export async function startTargets(): Promise<Targets> {
  const [pg, s3] = await Promise.all([startTestPostgres(), startTestS3()]);
  await pg.sql(`CREATE ROLE ${PG_ROLE.name} LOGIN PASSWORD '${PG_ROLE.password}'`);
  const database = new URL(await pg.createDatabase(PG_ROLE.name)).pathname.slice(1);
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3_KEY,
  });
  return {
    pg,
    s3,
    database,
    pgUrl: (password = PG_ROLE.password) => pg.url(database, '', { name: PG_ROLE.name, password }),
    async bucketKeys() {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: S3_BUCKET, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
    async pelotonRows() {
      const result = await pg.sql('SELECT workout_id, rider_name FROM peloton ORDER BY workout_id', database);
      return result.rows;
    },
    async close() {
      client.destroy();
      await Promise.all([pg.close(), s3.close()]);
    },
  };
}
