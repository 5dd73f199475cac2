import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFolder } from '../../src/main/targets/deliver-targets';
import { fakePeloton } from '../helpers/fake';
import { chmodReadOnly, readOnlyBy, spawnSyncCli } from './child-sync';
import { endState, expectWhole } from './end-state';
import { report } from './mode';
import type { Suite } from './suite';
import { expectClearFailure, syncOnce, syncUntilDone } from './sync-runs';
import { newFolder } from './world';

/** Every file under a folder → SHA-256 of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[path.slice(dir.length)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const how = () =>
  readOnlyBy() === 'bind' ? 'read-only bind mount (running as root)' : 'write permission removed (chmod a-w)';
const CANNOT = 'running as root without a private mount namespace: no way to make a folder read-only';

export function diskFaults(suite: Suite): void {
  describe('spoke sync with a data folder it cannot write', () => {
    it('the whole data folder read-only: one clear line, nothing written anywhere; writable again, the next sync is clean', async ({
      skip,
    }) => {
      if (!readOnlyBy()) skip(CANNOT);
      const { world } = suite;
      const folder = await newFolder(world, await fakePeloton(suite.fake));
      const before = snapshot(folder.dir);
      const undo = chmodReadOnly([folder.dir]);
      const run = await spawnSyncCli(folder, undefined, [folder.dir]).done.finally(undo);
      const line = expectClearFailure({ code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr });
      expect(line).toMatch(/^spoke: Cannot write the cache .+; check that the data folder .+ is writable/);
      expect(snapshot(folder.dir)).toEqual(before);
      expect(await endState(world, folder)).toMatchObject({ csv: {}, s3: {}, peloton: [], details: [] });

      const { runs } = await syncUntilDone(world, folder, 2);
      expect(await endState(world, folder)).toEqual(suite.clean);
      report({
        fault: 'Data folder read-only',
        injected: how(),
        runs: runs + 1,
        result: `${line}; nothing written; next run equal to clean`,
      });
    });

    it('the CSV folder read-only: the cache fills, the days wait, S3 and Postgres get nothing; writable again, the next sync is clean', async ({
      skip,
    }) => {
      if (!readOnlyBy()) skip(CANNOT);
      const { world } = suite;
      const folder = await newFolder(world, await fakePeloton(suite.fake));
      const csv = csvFolder(folder.dir);
      mkdirSync(csv);
      const undo = chmodReadOnly([csv]);
      const run = await spawnSyncCli(folder, undefined, [csv]).done.finally(undo);
      const line = expectClearFailure({ code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr });
      expect(line).toMatch(
        /^spoke: daily CSV: \d+ days waiting \(Cannot write .+\)\. The next sync will deliver them\.$/,
      );
      await expectWhole(world, folder);
      expect(await endState(world, folder)).toEqual({
        ...suite.clean,
        csv: {},
        s3: {},
        peloton: [],
        details: [],
      });

      const { runs } = await syncUntilDone(world, folder, 2);
      expect(await endState(world, folder)).toEqual(suite.clean);
      report({
        fault: 'CSV folder read-only',
        injected: how(),
        runs: runs + 1,
        result: `${line}; cache complete, nothing delivered; next run equal to clean`,
      });
    });

    it('a file where the CSV folder should be: one clear line; once it is moved away, the next sync is clean', async () => {
      const { world } = suite;
      const folder = await newFolder(world, await fakePeloton(suite.fake));
      const csv = csvFolder(folder.dir);
      writeFileSync(csv, 'not a folder\n');
      const line = expectClearFailure(await syncOnce(folder));
      expect(line).toMatch(
        /^spoke: daily CSV: \d+ days waiting \(Cannot use the folder .+\)\. The next sync will deliver them\.$/,
      );
      expect(readFileSync(csv, 'utf8')).toBe('not a folder\n');
      expect(await endState(world, folder)).toEqual({
        ...suite.clean,
        csv: {},
        s3: {},
        peloton: [],
        details: [],
      });

      rmSync(csv);
      const { runs } = await syncUntilDone(world, folder, 2);
      expect(await endState(world, folder)).toEqual(suite.clean);
      report({
        fault: 'A file where the CSV folder should be',
        injected: 'regular file at <data>/csv',
        runs: runs + 1,
        result: `${line}; next run equal to clean`,
      });
    });

    it('the temporary file of a daily CSV that a killed run left is removed by the next sync', async () => {
      const { world } = suite;
      const folder = await newFolder(world, await fakePeloton(suite.fake));
      const csv = csvFolder(folder.dir);
      mkdirSync(csv);
      // What writeFileAtomic leaves when killed between creating its file and renaming it.
      const day = Object.keys(suite.clean.csv)[0] ?? '2026_01_01.csv';
      writeFileSync(join(csv, `.${day}.424242.mx0sge2l.tmp`), 'workout_id,da');
      const { runs } = await syncUntilDone(world, folder, 1);
      expect(await endState(world, folder)).toEqual(suite.clean);
      report({
        fault: 'Temporary CSV file of a killed run',
        injected: 'a half-written .YYYY_MM_DD.csv.<pid>.<t>.tmp',
        runs,
        result: 'removed; equal to clean',
      });
    });
  });
}
