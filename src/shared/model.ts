export type Rider = {
  id: string;
  name: string;
  username: string | null;
  /** Signed in with Peloton, or known only from an imported CSV or the demo data. */
  source: 'peloton' | 'import' | 'demo';
  lastSyncAt: string | null;
  workouts: number;
};

export type AppInfo = {
  version: string;
  face: 'desktop' | 'serve';
  workouts: number;
  riders: number;
  lastSyncAt: string | null;
  /** Whether generated demo data is in the cache (shown as such, removable). */
  demo: boolean;
};

export type ImportResult = {
  format: 'seed' | 'peloton-export';
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
};

export type SyncProgress = {
  riderId: string;
  rider: string;
  step: string;
  done: number;
  total: number;
};

export type DataChanged = { reason: 'import' | 'sync' | 'settings' };

export type EventPayloads = {
  'sync:progress': SyncProgress;
  'data:changed': DataChanged;
};

export type SignedInRider = { id: string; name: string; username: string | null };

export type RiderSyncResult = {
  id: string;
  name: string;
  fetched: number;
  inserted: number;
  updated: number;
  error?: string;
};

/** What `spoke sync --json` prints and `sync:run` answers. */
export type SyncResult = {
  riders: RiderSyncResult[];
  requests: number;
  csvFiles: string[];
  s3Keys: string[];
  postgres: { upserted: number } | null;
  durationMs: number;
  /** Deliveries owed to S3 or Postgres, retried by the next sync. */
  waiting?: { target: string; item: string; error: string | null; attempts: number }[];
};

export type SyncRun = {
  id: number;
  kind: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  summary: unknown;
  error: string | null;
};
