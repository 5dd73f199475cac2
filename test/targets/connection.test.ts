import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { createHandlers } from '../../src/main/api/handlers';
import { deliverTargets } from '../../src/main/targets/deliver-targets';
import { testPostgres } from '../../src/main/targets/pg-test';
import { testS3 } from '../../src/main/targets/s3-test';
import { freePort, startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { s3Settings, startTestS3, type TestS3 } from '../helpers/s3';
import { tempDir } from '../helpers/temp-dir';
import { configure, seedSlice, servicesAt } from './kit';

let pg: TestPostgres;
let s3: TestS3;
beforeAll(async () => {
  [pg, s3] = await Promise.all([startTestPostgres(), startTestS3()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([pg?.close(), s3?.close()]);
});

const SECRET = 'not-the-password';

describe('Settings: Test connection (Postgres)', () => {
  it('says connected, and what Spoke will do with the table peloton', async () => {
    const url = await pg.createDatabase();
    expect(await testPostgres(url)).toEqual({
      ok: true,
      message: expect.stringMatching(
        /^Connected to database "spoke_test_\w+" on 127\.0\.0\.1:\d+ as "postgres" \(no TLS\)\. The first sync will create the tables/,
      ),
    });
  });

  it('answers one sentence for a wrong password, an unknown database, a closed port and an unknown host', async () => {
    const url = new URL(await pg.createDatabase());
    const wrong = new URL(url);
    wrong.password = SECRET;
    const check = async (u: string) => {
      const result = await testPostgres(u);
      expect(result.ok).toBe(false);
      expect(result.message).not.toContain(SECRET);
      return result.message;
    };
    expect(await check(wrong.toString())).toMatch(
      /^Wrong password for user "postgres" on 127\.0\.0\.1:\d+; fix the password/,
    );
    const missing = new URL(url);
    missing.pathname = '/no_such_db';
    expect(await check(missing.toString())).toMatch(
      /^The database "no_such_db" does not exist on 127\.0\.0\.1:\d+; create it/,
    );
    const closed = new URL(url);
    closed.port = String(await freePort());
    expect(await check(closed.toString())).toMatch(
      /^Connection refused by 127\.0\.0\.1:\d+: is Postgres running there/,
    );
    expect(await check(`postgres://u:${SECRET}@no-such-host.invalid:5432/db`)).toBe(
      'Unknown host "no-such-host.invalid"; fix the host in the URL or check the network.',
    );
    expect(await check('mysql://u@h/db')).toMatch(/^The Postgres URL is not valid/);
  });

  it('loads as an ordinary role (no superuser, no extension), over TLS with sslmode=require, and without it', async () => {
    if (!pg.tls) return;
    const role = { name: `spoke_role_${process.pid}`, password: 'role-pass' };
    await pg.sql(`CREATE ROLE ${role.name} LOGIN PASSWORD '${role.password}'`);
    const db = new URL(await pg.createDatabase(role.name)).pathname.slice(1);
    const tls = pg.url(db, '?sslmode=require', role);
    expect((await testPostgres(tls)).message).toMatch(new RegExp(`as "${role.name}" \\(TLS\\)`));
    expect((await testPostgres(pg.url(db, '?sslmode=disable', role))).message).toMatch(/\(no TLS\)/);
    expect((await testPostgres(pg.url(db, '?sslmode=verify-full', role))).message).toMatch(
      /^The TLS certificate of 127\.0\.0\.1:\d+ cannot be verified/,
    );
    const services = servicesAt(tempDir(), { SPOKE_DATABASE_URL: tls });
    services.importFile(seedSlice(5));
    const result = await deliverTargets(services, () => () => {});
    expect(result).toMatchObject({ postgres: { upserted: 5 }, waiting: [] });
    expect((await testPostgres(tls)).message).toMatch(
      /Its table peloton \(5 rows\) will be kept and added to\.$/,
    );
  });
});

describe('Settings: Test upload (S3)', () => {
  it('checks the bucket without writing to it, and names a missing bucket', async () => {
    const services = servicesAt(tempDir());
    expect(await testS3(services.settings)).toEqual({
      ok: false,
      message: 'No S3 bucket is set; set s3.bucket first.',
    });
    configure(services, s3Settings(s3));
    const writes = s3.writes.length;
    expect(await testS3(services.settings)).toEqual({
      ok: true,
      message: expect.stringMatching(
        /^Connected: the bucket "spoke-test" at 127\.0\.0\.1:\d+ exists .* Nothing was uploaded/,
      ),
    });
    configure(services, { 's3.bucket': 'no-such-bucket' });
    expect(await testS3(services.settings)).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^The bucket "no-such-bucket" at 127\.0\.0\.1:\d+ does not exist; create it or fix s3\.bucket\.$/,
      ),
    });
    configure(services, { 's3.bucket': 'spoke-test', 's3.accessKeyId': 'NOPE' });
    expect((await testS3(services.settings)).message).toBe(
      'S3 does not know this access key id; check s3.accessKeyId.',
    );
    expect(s3.writes.length).toBe(writes);
  });
});

describe('API channels targets:test-postgres and targets:test-s3', () => {
  it('test the saved URL or the given one, and never echo a URL back', async () => {
    const services = servicesAt(tempDir());
    const handlers = createHandlers(services);
    const url = await pg.createDatabase();
    const wrong = new URL(url);
    wrong.password = SECRET;
    const given = await dispatch(handlers, 'targets:test-postgres', { url: wrong.toString() });
    expect(given).toMatchObject({
      ok: true,
      value: { ok: false, message: expect.stringContaining('Wrong password') },
    });
    expect(JSON.stringify(given)).not.toContain(SECRET);
    const none = await dispatch(handlers, 'targets:test-postgres', {});
    expect(none).toMatchObject({
      ok: true,
      value: { ok: false, message: expect.stringContaining('No Postgres URL') },
    });
    configure(services, { 'postgres.url': url, ...s3Settings(s3) });
    const saved = await dispatch(handlers, 'targets:test-postgres', undefined);
    expect(saved).toMatchObject({ ok: true, value: { ok: true } });
    expect(JSON.stringify(saved)).not.toContain(new URL(url).password);
    expect(await dispatch(handlers, 'targets:test-s3', undefined)).toMatchObject({
      ok: true,
      value: { ok: true },
    });
  });
});
