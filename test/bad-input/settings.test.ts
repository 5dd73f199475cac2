import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { createServices } from '../../src/main/services';
import { type SettingKey, settingDefs } from '../../src/shared/settings';
import { spoke } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

/**
 * Invalid settings, as a user types them: `spoke settings set KEY VALUE` answers
 * with one line saying what is expected, exits 1, and changes no file.
 */

const env = { SPOKE_SECRET_KEY: 'bad-input-settings' };
let dir: string;

/** The bytes of every settings and secrets file in the folder. */
function settingsFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => /^(settings|secrets\..*)\.json$/.test(f))
      .map((f) => [f, readFileSync(join(dir, f), 'latin1')]),
  );
}

// After `--`, so a value that starts with a dash is a value, not an option.
const set = (key: string, value: string) =>
  spoke(['settings', 'set', '--data-dir', dir, key, '--', value], { env });

beforeEach(async () => {
  dir = tempDir();
  // A folder with settings and a secret already saved: "no change" must keep them.
  const saved: [string, string][] = [
    ['s3.bucket', 'bk-peloton'],
    ['schedule.dailyAt', '07:30'],
    ['display.timeZone', 'America/New_York'],
  ];
  for (const [key, value] of saved) expect((await set(key, value)).code).toBe(0);
  const secret = await spoke(['settings', 'set', 'postgres.url', '--stdin', '--data-dir', dir], {
    env,
    stdin: 'postgres://spoke:pw@db.internal:5432/peloton\n',
  });
  expect(secret.code).toBe(0);
});

const cases: [SettingKey, string[]][] = [
  [
    'postgres.url',
    [
      'mysql://u:p@db.internal/peloton',
      'http://db.internal/peloton',
      'postgres//u:p@db.internal/peloton',
      'db.internal:5432/peloton',
      'postgres://u:p@db.internal:99999/peloton',
      'postgres://u:p@db.internal:-1/peloton',
      'postgres://u:p@db.internal:port/peloton',
      'postgres://u:p@db.internal:0/peloton',
      'postgres://u:p@[::1/peloton',
      '   ',
      '',
    ],
  ],
  [
    's3.bucket',
    [
      'ab',
      'a'.repeat(64),
      'My-Bucket',
      'my_bucket',
      'my bucket',
      'bücket',
      '-bucket',
      'bucket-',
      '.bucket',
      'my..bucket',
      '192.168.5.4',
      'xn--bucket',
      'sthree-bucket',
      'amzn-s3-demo-bucket',
      'bucket-s3alias',
      'bucket--ol-s3',
      'bucket.mrap',
      'bucket--x-s3',
      'bucket--table-s3',
      's3://bk-peloton',
      '',
    ],
  ],
  [
    's3.keyTemplate',
    [
      'daily.csv',
      'YYYY/MM/daily_upload.txt',
      // One key for many days: each day's upload would overwrite the others.
      'YYYY.csv',
      'YYYY/MM/daily.csv',
      'YYYY/DD.csv',
      '',
    ],
  ],
  [
    's3.endpoint',
    [
      'ftp://minio.local',
      'minio.local:9000',
      'http://minio.local:99999',
      'http://minio.local:0',
      'javascript:alert(1)',
      'file:///etc/passwd',
      // Credentials belong in the secret settings, not in a URL stored in plain text.
      'http://minio:minio123@minio.local:9000',
      'https://AKIA1234@s3.example.com',
    ],
  ],
  ['s3.region', ['US East 1', 'us_east_1', '']],
  ['s3.accessKeyId', ['AKIA 1234', 'AKIA/1234', '']],
  ['schedule.dailyAt', ['7:30', '24:00', '12:60', 'noon', '06:00:00', '0600', '-1:00', '']],
  ['schedule.enabled', ['maybe', '1', 'TRUE!']],
  ['display.timeZone', ['Mars/Olympus', 'UTC+2', 'America/New York', '../../etc/passwd', '']],
  ['display.units', ['furlongs']],
  ['display.theme', ['neon']],
  ['peloton.redirectUri', ['javascript:alert(1)', 'members.onepeloton.com/callback']],
  ['peloton.authorizePath', ['authorize', 'https://evil.example/authorize']],
];

describe('spoke settings set with an invalid value', () => {
  it.each(cases)('%s: one line saying what is expected, exit 1, no file changed', async (key, values) => {
    const before = settingsFiles();
    const view = (await spoke(['settings', 'get', '--json', '--data-dir', dir], { env })).stdout;
    for (const value of values) {
      const run = await set(key, value);
      expect({ value, code: run.code, stderr: run.stderr }).toEqual({
        value,
        code: 1,
        stderr: `spoke: ${key}: expected ${settingDefs[key].expects}.\n`,
      });
      expect(run.stdout).toBe('');
    }
    expect(settingsFiles()).toEqual(before);
    expect((await spoke(['settings', 'get', '--json', '--data-dir', dir], { env })).stdout).toBe(view);
  });

  it('accepts the valid values next to those (so the refusals above are about the value)', async () => {
    const good: [SettingKey, string][] = [
      ['postgres.url', 'postgresql://spoke:p%40ss@db.internal:6543/peloton?sslmode=require'],
      ['s3.bucket', 'my.bucket-2023'],
      ['s3.keyTemplate', 'exports/YYYY-MM-DD.csv'],
      ['s3.endpoint', 'http://127.0.0.1:9000'],
      ['schedule.dailyAt', '23:59'],
      ['display.timeZone', 'Etc/GMT+2'],
    ];
    for (const [key, value] of good) expect((await set(key, value)).code, `${key} ${value}`).toBe(0);
  });

  it('refuses an empty secret from stdin and keeps the saved one', async () => {
    const before = settingsFiles();
    for (const key of ['postgres.url', 's3.secretAccessKey']) {
      const run = await spoke(['settings', 'set', key, '--stdin', '--data-dir', dir], { env, stdin: '\n' });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^spoke: ${key.replace('.', '\\.')}: expected [^\\n]+\\.\\n$`));
    }
    expect(settingsFiles()).toEqual(before);
  });

  it('never echoes a refused secret back', async () => {
    const run = await spoke(['settings', 'set', 'postgres.url', '--stdin', '--data-dir', dir], {
      env,
      stdin: 'mysql://root:Hunter2Secret@db.internal/peloton\n',
    });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain('Hunter2Secret');
  });

  it('changes nothing when one of several changes over the API is invalid', async () => {
    const before = settingsFiles();
    const services = createServices({ dataDir: dir, face: 'serve', env });
    try {
      const update = createHandlers(services)['settings:update'];
      expect(() =>
        update({
          set: { 'display.theme': 'dark', 's3.bucket': 'other-bucket', 's3.keyTemplate': 'YYYY.csv' },
          unset: ['postgres.url'],
        }),
      ).toThrow('s3.keyTemplate: expected');
      expect(() => update({ set: { 'display.theme': 'dark' }, unset: ['no.such.key'] })).toThrow(
        'Unknown setting "no.such.key"',
      );
    } finally {
      services.close();
    }
    expect(settingsFiles()).toEqual(before);
  });

  it('says what to do when the settings file itself was damaged by hand, and changes nothing', async () => {
    writeFileSync(join(dir, 'settings.json'), '{ "s3.bucket": "bk-peloton", }\n');
    const before = settingsFiles();
    for (const args of [
      ['settings', 'get'],
      ['settings', 'set', 'display.theme', 'dark'],
      ['report', 'summary'],
    ]) {
      const run = await spoke([...args, '--data-dir', dir], { env });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(
        /^spoke: The settings file .*settings\.json is not valid JSON[^\n]*; fix it or delete it[^\n]*\n$/,
      );
    }
    expect(settingsFiles()).toEqual(before);
  });
});
