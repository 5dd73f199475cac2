import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportFilter, ReportName, ReportRows } from '../shared/reports';
import { runReport } from './analytics';
import { machineTimeZone } from './analytics/time-zone';
import { type Cache, openCache } from './cache/open-cache';
import { UserError } from './errors';
import { createEventBus, type EventBus } from './events';
import { type ImportOptions, type ImportResult, importBytes, importFile } from './imports/import-file';
import { createLogger, type Logger } from './log/logger';
import { type PelotonEndpoints, pelotonEndpoints } from './peloton/endpoints';
import type { TokenSet } from './peloton/oauth-tokens';
import { createTokenManager, type TokenManager } from './peloton/token-manager';
import { createHeadlessEncryptor } from './secrets/headless-encryptor';
import { createEncryptedFileStore, type Encryptor, type SecretStore } from './secrets/secret-store';
import { createSettingsStore, type SettingsStore } from './settings/settings-store';
import { runSync, type SyncOptions, type SyncResult } from './sync/run-sync';

export type Face = 'desktop' | 'serve' | 'cli';

export type ServicesOptions = {
  dataDir: string;
  face: Face;
  /** safeStorage in the desktop app; AES-GCM with a key file headless. */
  encryptor?: Encryptor;
  nativeBinding?: string;
  env?: NodeJS.ProcessEnv;
  browserSignIn?: (endpoints: PelotonEndpoints) => Promise<TokenSet>;
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
  importBytes(bytes: Buffer, name: string, options?: ImportOptions): ImportResult;
  report<N extends ReportName>(name: N, filter: ReportFilter): ReportRows[N][];
  peloton: {
    endpoints(): PelotonEndpoints;
    tokens: TokenManager;
    retryBaseMs?: number;
    /** The desktop app's sign-in through Peloton's own page in a window; absent headless. */
    browserSignIn?: () => Promise<TokenSet>;
  };
  sync(options?: SyncOptions): Promise<SyncResult>;
  close(): void;
};

export function createServices(options: ServicesOptions): Services {
  const { dataDir, face } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const env = options.env ?? process.env;
  // Each face seals secrets its own way (safeStorage in the app, AES-GCM headless), so each keeps
  // its own file: a rider signed in on the desktop signs in once more for `spoke sync` from cron.
  const encryptor =
    options.encryptor ?? createHeadlessEncryptor(join(dataDir, 'secret.key'), env.SPOKE_SECRET_KEY);
  const secrets = createEncryptedFileStore(join(dataDir, `secrets.${encryptor.kind}.json`), encryptor);
  const settings = createSettingsStore(join(dataDir, 'settings.json'), secrets, env);
  const cache = openCache(join(dataDir, 'spoke.db'), { nativeBinding: options.nativeBinding });
  const events = createEventBus();
  const log = createLogger(dataDir, env.SPOKE_LOG_LEVEL);
  const endpoints = () => pelotonEndpoints(settings, env);
  const browserSignIn = options.browserSignIn;
  const peloton = {
    endpoints,
    tokens: createTokenManager(secrets, endpoints),
    retryBaseMs: env.SPOKE_RETRY_BASE_MS ? Number(env.SPOKE_RETRY_BASE_MS) : undefined,
    browserSignIn: browserSignIn ? () => browserSignIn(endpoints()) : undefined,
  };
  let running: Promise<SyncResult> | null = null;
  const announce = (result: ImportResult) => {
    if (result.inserted + result.updated > 0) events.emit('data:changed', { reason: 'import' });
    return result;
  };
  const displayTimeZone = () => {
    const tz = settings.get('display.timeZone');
    return typeof tz === 'string' ? tz : machineTimeZone();
  };
  const services: Services = {
    dataDir,
    face,
    cache,
    settings,
    secrets,
    events,
    log,
    displayTimeZone,
    importFile(path, importOptions) {
      return announce(importFile(cache, path, importOptions));
    },
    importBytes(bytes, name, importOptions) {
      return announce(importBytes(cache, bytes, name, importOptions));
    },
    report: (name, filter) => runReport(cache, name, filter, displayTimeZone()),
    peloton,
    sync(syncOptions) {
      if (running) throw new UserError('A sync is already running; wait for it to finish.', 'conflict');
      running = runSync(services, syncOptions).finally(() => {
        running = null;
      });
      return running;
    },
    close() {
      cache.close();
    },
  };
  return services;
}
