export type Rider = {
  id: string;
  name: string;
  username: string | null;
  lastSyncAt: string | null;
  workouts: number;
};

export type AppInfo = {
  version: string;
  face: 'desktop' | 'serve';
  workouts: number;
  riders: number;
  lastSyncAt: string | null;
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
