import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportFilter, ReportName, ReportRows } from '../shared/reports';
import { runReport } from './analytics';
import { machineTimeZone } from './analytics/time-zone';
import { type Cache, openCache } from './cache/open-cache';
import { createEventBus, type EventBus } from './events';
import { type ImportOptions, type ImportResult, importFile } from './imports/import-file';
import { createLogger, type Logger } from './log/logger';
import { createHeadlessEncryptor } from './secrets/headless-encryptor';
import { createEncryptedFileStore, type Encryptor, type SecretStore } from './secrets/secret-store';
import { createSettingsStore, type SettingsStore } from './settings/settings-store';

export type Face = 'desktop' | 'serve' | 'cli';

export type ServicesOptions = {
  dataDir: string;
  face: Face;
  /** safeStorage in the desktop app; AES-GCM with a key file headless. */
  encryptor?: Encryptor;
  nativeBinding?: string;
  env?: NodeJS.ProcessEnv;
};

/** The composition root: every main-side service, built from one data folder. */
export type Services = {
  dataDir: string;
  face: Face;
  cache: Cache;
  settings: SettingsStore;
  secrets: SecretStore;
  events: EventBus;
  log: Logger;
  displayTimeZone(): string;
  importFile(path: string, options?: ImportOptions): ImportResult;
  report<N extends ReportName>(name: N, filter: ReportFilter): ReportRows[N][];
  close(): void;
};

export function createServices(options: ServicesOptions): Services {
  const { dataDir, face } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const env = options.env ?? process.env;
  const encryptor = options.encryptor ?? createHeadlessEncryptor(join(dataDir, 'secret.key'), env.SPOKE_SECRET_KEY);
  const secrets = createEncryptedFileStore(join(dataDir, 'secrets.json'), encryptor);
  const settings = createSettingsStore(join(dataDir, 'settings.json'), secrets, env);
  const cache = openCache(join(dataDir, 'spoke.db'), { nativeBinding: options.nativeBinding });
  const events = createEventBus();
  const log = createLogger(dataDir, env.SPOKE_LOG_LEVEL);
  const displayTimeZone = () => {
    const tz = settings.get('display.timeZone');
    return typeof tz === 'string' ? tz : machineTimeZone();
  };
  return {
    dataDir,
    face,
    cache,
    settings,
    secrets,
    events,
    log,
    displayTimeZone,
    importFile(path, importOptions) {
      const result = importFile(cache, path, importOptions);
      if (result.inserted + result.updated > 0) events.emit('data:changed', { reason: 'import' });
      return result;
    },
    report: (name, filter) => runReport(cache, name, filter, displayTimeZone()),
    close() {
      cache.close();
    },
  };
}
