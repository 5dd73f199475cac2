import { z } from 'zod';
import { isTimeZone } from './reports';

type SettingDef = {
  schema: z.ZodType<string | boolean>;
  secret: boolean;
  default: string | boolean | null;
  expects: string;
};

const text = (expects: string, check?: (v: string) => boolean): z.ZodType<string> =>
  z
    .string()
    .trim()
    .min(1, `expected ${expects}`)
    .refine((v) => (check ? check(v) : true), `expected ${expects}`);

const bool = z.union([
  z.boolean(),
  z.enum(['true', 'false', 'on', 'off', 'yes', 'no']).transform((v) => ['true', 'on', 'yes'].includes(v)),
]);

function isUrl(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    // Port 0 parses, but nothing can be reached on it.
    return protocols.includes(url.protocol) && url.port !== '0';
  } catch {
    return false;
  }
}

// S3's bucket naming rules: 3-63 characters, lowercase letters, digits, dots and hyphens,
// not shaped like an IP address, and none of the prefixes and suffixes AWS reserves.
const bucketName =
  /^(?!xn--|sthree-|amzn-s3-demo-)(?!.*\.\.)(?!\d+\.\d+\.\d+\.\d+$)(?!.*(?:-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

// Every day needs its own key: without YYYY, MM and DD, days would overwrite each other.
const keyTemplate = (v: string) => /YYYY/.test(v) && /MM/.test(v) && /DD/.test(v) && /\.csv$/.test(v);

function def(
  expects: string,
  check: ((v: string) => boolean) | z.ZodType<string | boolean>,
  defaultValue: string | boolean | null,
  secret = false,
): SettingDef {
  const schema = typeof check === 'function' ? text(expects, check) : check;
  return { schema, secret, default: defaultValue, expects };
}

const any = () => true;
const path = (v: string) => v.startsWith('/');

export const settingDefs = {
  'postgres.url': def(
    'a postgres:// URL such as postgres://user:pass@host:5432/db',
    (v) => isUrl(v, ['postgres:', 'postgresql:']),
    null,
    true,
  ),
  's3.bucket': def(
    'an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)',
    (v) => bucketName.test(v),
    null,
  ),
  's3.prefix': def('a key prefix such as spoke/', z.string().trim(), ''),
  's3.keyTemplate': def(
    'a key template using YYYY, MM and DD, ending in .csv',
    keyTemplate,
    'YYYY/MM/daily_uploadYYYY_MM_DD.csv',
  ),
  's3.region': def('an AWS region such as us-east-1', (v) => /^[a-z0-9-]+$/.test(v), 'us-east-1'),
  's3.endpoint': def(
    'an http(s):// URL of an S3-compatible endpoint, without user or password (keys go in s3.accessKeyId and s3.secretAccessKey)',
    // Not a secret setting: a user:password@ in it would be stored in plain text.
    (v) => isUrl(v, ['http:', 'https:']) && new URL(v).username === '' && new URL(v).password === '',
    null,
  ),
  's3.forcePathStyle': def('true or false', bool, false),
  's3.accessKeyId': def('an access key id', (v) => /^[A-Za-z0-9]+$/.test(v), null),
  's3.secretAccessKey': def('a secret access key', any, null, true),
  'schedule.dailyAt': def(
    'a time of day as HH:MM (24-hour)',
    (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
    '06:00',
  ),
  'schedule.enabled': def('true or false', bool, true),
  'display.timeZone': def('an IANA time zone such as America/New_York', isTimeZone, null),
  'display.units': def('imperial or metric', z.enum(['imperial', 'metric']), 'imperial'),
  'display.theme': def('system, light or dark', z.enum(['system', 'light', 'dark']), 'system'),
  'peloton.clientId': def('a client id', any, 'WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM'),
  'peloton.audience': def('a URL', (v) => isUrl(v, ['https:', 'http:']), 'https://api.onepeloton.com/'),
  'peloton.scope': def('space-separated scopes', any, 'offline_access openid peloton-api.members:default'),
  'peloton.redirectUri': def(
    'an https:// URL',
    (v) => isUrl(v, ['https:', 'http:']),
    'https://members.onepeloton.com/callback',
  ),
  'peloton.authorizePath': def('a path starting with /', path, '/authorize'),
  'peloton.tokenPath': def('a path starting with /', path, '/oauth/token'),
  'peloton.loginPath': def('a path starting with /', path, '/usernamepassword/login'),
  'peloton.tenant': def('an Auth0 tenant name', any, 'peloton-prod'),
  'peloton.connection': def('an Auth0 connection name', any, 'pelo-user-password'),
} satisfies Record<string, SettingDef>;

export type SettingKey = keyof typeof settingDefs;
export type SettingValue = string | boolean;

export const settingKeys = Object.keys(settingDefs) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefs, key);
}

export function isSecretSetting(key: SettingKey): boolean {
  return settingDefs[key].secret;
}

/**
 * What every face shows of the settings: plain values, and for secrets only
 * whether one is set ("set"), never the value.
 */
export type SettingsView = Record<SettingKey, SettingValue | 'set' | null>;

export const settingsUpdateSchema = z
  .object({
    set: z.record(z.string(), z.union([z.string(), z.boolean()])).optional(),
    unset: z.array(z.string()).optional(),
  })
  .strict();

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
