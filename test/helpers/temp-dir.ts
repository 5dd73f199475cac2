import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh data folder per test, removed afterwards. */
export function tempDir(prefix = 'spoke-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The original pipeline's output, in the shared folder beside the repository. */
export const SEED_CSV = resolve(__dirname, '../../../shared/data/seed/all_rides.csv');
