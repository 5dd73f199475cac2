import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors';

/**
 * One sync at a time per data folder, across processes (the app's schedule, a
 * `spoke sync` from cron, `spoke serve`): a lock file holding the owner's pid.
 * A lock left by a process that no longer runs (a crash, SIGKILL) is taken over.
 */
export function acquireSyncLock(dataDir: string): () => void {
  const path = join(dataDir, 'sync.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSafe(path));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new UserError(
          'A sync is already running for this data folder; wait for it to finish.',
          'conflict',
        );
      }
      if (owner === process.pid) {
        throw new UserError('A sync is already running; wait for it to finish.', 'conflict');
      }
      rmSync(path, { force: true });
    }
  }
  throw new UserError('Could not take the sync lock; try again.', 'conflict');
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
