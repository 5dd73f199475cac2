import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spoke } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

function everyFileIn(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f, 'latin1'))
    .join('\n');
}

describe('spoke settings', () => {
  it('stores secrets encrypted, shows them only as "set", and reads them from stdin', async () => {
    const dir = tempDir();
    const url = 'postgres://spoke:Pa55-unique-marker@db.internal:5432/peloton';
    const set = await spoke(['settings', 'set', 'postgres.url', '--stdin', '--data-dir', dir], {
      stdin: `${url}\n`,
    });
    expect(set.code).toBe(0);
    expect((await spoke(['settings', 'set', 's3.bucket', 'bk-peloton', '--data-dir', dir])).code).toBe(0);
    const got = await spoke(['settings', 'get', '--json', '--data-dir', dir]);
    const view = JSON.parse(got.stdout);
    expect(view['postgres.url']).toBe('set');
    expect(view['s3.bucket']).toBe('bk-peloton');
    expect(view['s3.keyTemplate']).toBe('YYYY/MM/daily_uploadYYYY_MM_DD.csv');
    expect(view['peloton.clientId']).toBe('WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM');
    expect(got.stdout).not.toContain('unique-marker');
    expect(everyFileIn(dir)).not.toContain('unique-marker');
    const keyFile = statSync(join(dir, 'secret.key'));
    expect(keyFile.mode & 0o077).toBe(0);

    expect((await spoke(['settings', 'unset', 'postgres.url', '--data-dir', dir])).code).toBe(0);
    expect(
      JSON.parse((await spoke(['settings', 'get', '--json', '--data-dir', dir])).stdout)['postgres.url'],
    ).toBe(null);
  });

  it('refuses an invalid value with one line saying what is expected, and changes nothing', async () => {
    const dir = tempDir();
    await spoke(['settings', 'set', 'schedule.dailyAt', '07:30', '--data-dir', dir]);
    const before = (await spoke(['settings', 'get', '--json', '--data-dir', dir])).stdout;
    const cases: [string, string, string][] = [
      ['schedule.dailyAt', '25:99', 'schedule.dailyAt: expected a time of day as HH:MM (24-hour).'],
      [
        'postgres.url',
        'mysql://x',
        'postgres.url: expected a postgres:// URL such as postgres://user:pass@host:5432/db.',
      ],
      [
        's3.bucket',
        'Not_A_Bucket',
        's3.bucket: expected an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens).',
      ],
      [
        'display.timeZone',
        'Mars/Olympus',
        'display.timeZone: expected an IANA time zone such as America/New_York.',
      ],
    ];
    for (const [key, value, message] of cases) {
      const run = await spoke(['settings', 'set', key, value, '--data-dir', dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`spoke: ${message}\n`);
    }
    const unknown = await spoke(['settings', 'set', 'colour', 'blue', '--data-dir', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown setting "colour"');
    expect((await spoke(['settings', 'get', '--json', '--data-dir', dir])).stdout).toBe(before);
  });

  it('uses SPOKE_SECRET_KEY instead of a key file when given', async () => {
    const dir = tempDir();
    const env = { SPOKE_SECRET_KEY: 'a passphrase from the environment' };
    await spoke(['settings', 'set', 's3.secretAccessKey', '--stdin', '--data-dir', dir], {
      stdin: 'abc',
      env,
    });
    expect(readdirSync(dir)).not.toContain('secret.key');
    const view = JSON.parse((await spoke(['settings', 'get', '--json', '--data-dir', dir], { env })).stdout);
    expect(view['s3.secretAccessKey']).toBe('set');
  });
});
