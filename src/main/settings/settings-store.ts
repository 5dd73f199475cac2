import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
  isSecretSetting,
  isSettingKey,
  type SettingKey,
  type SettingsUpdate,
  type SettingsView,
  type SettingValue,
  settingDefs,
  settingKeys,
} from '../../shared/settings';
import { UserError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';

const secretKey = (key: SettingKey) => `setting:${key}`;

/** Environment variables that override a setting for one run, never written to disk. */
const envOverrides: Partial<Record<SettingKey, string>> = {
  'postgres.url': 'SPOKE_DATABASE_URL',
  's3.bucket': 'SPOKE_S3_BUCKET',
  's3.prefix': 'SPOKE_S3_PREFIX',
  's3.endpoint': 'SPOKE_S3_ENDPOINT',
  's3.region': 'SPOKE_S3_REGION',
};

export type SettingsStore = {
  /** What the faces may show: secrets only as "set". */
  view(): SettingsView;
  /** The value in force for the main side (environment, then saved value, then default). */
  get(key: SettingKey): SettingValue | null;
  /** Validates every change first; applies all of them or none. */
  update(change: SettingsUpdate): SettingsView;
};

export function createSettingsStore(
  path: string,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv = process.env,
): SettingsStore {
  const read = (): Partial<Record<SettingKey, SettingValue>> => {
    if (!existsSync(path)) return {};
    let saved: unknown;
    try {
      saved = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      // A file edited by hand: say which and how to recover, rather than a bare parser message.
      throw new UserError(
        `The settings file ${path} is not valid JSON (${(error as Error).message}); fix it or delete it to go back to the defaults.`,
        'failed',
      );
    }
    if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) {
      throw new UserError(
        `The settings file ${path} is not valid JSON (expected an object of settings); fix it or delete it to go back to the defaults.`,
        'failed',
      );
    }
    return saved as Partial<Record<SettingKey, SettingValue>>;
  };
  const write = (values: Partial<Record<SettingKey, SettingValue>>) => {
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(values, null, 2)}\n`);
    renameSync(tmp, path);
  };

  const view = (): SettingsView => {
    const saved = read();
    const out = {} as SettingsView;
    for (const key of settingKeys) {
      if (isSecretSetting(key)) out[key] = secrets.has(secretKey(key)) ? 'set' : null;
      else out[key] = saved[key] ?? settingDefs[key].default;
    }
    return out;
  };

  return {
    view,
    get(key) {
      const envName = envOverrides[key];
      if (envName && env[envName]) return env[envName] ?? null;
      if (isSecretSetting(key)) return secrets.get(secretKey(key));
      return read()[key] ?? settingDefs[key].default;
    },
    update({ set = {}, unset = [] }) {
      const parsed = new Map<SettingKey, SettingValue>();
      for (const [key, raw] of Object.entries(set)) {
        const k = checkKey(key);
        const result = settingDefs[k].schema.safeParse(raw);
        if (!result.success) throw new UserError(`${k}: expected ${settingDefs[k].expects}.`, 'bad_input');
        parsed.set(k, result.data);
      }
      const removed = unset.map(checkKey);
      const saved = read();
      for (const [key, value] of parsed) {
        if (isSecretSetting(key)) secrets.set(secretKey(key), String(value));
        else saved[key] = value;
      }
      for (const key of removed) {
        if (isSecretSetting(key)) secrets.delete(secretKey(key));
        else delete saved[key];
      }
      write(saved);
      return view();
    },
  };
}

function checkKey(key: string): SettingKey {
  if (!isSettingKey(key)) {
    throw new UserError(`Unknown setting "${key}". Known settings: ${settingKeys.join(', ')}.`, 'bad_input');
  }
  return key;
}
