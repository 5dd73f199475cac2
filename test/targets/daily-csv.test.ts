import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertWorkouts } from '../../src/main/cache/workouts-repo';
import { csvFolder, deliverTargets } from '../../src/main/targets/deliver-targets';
import { fakeEnv, fakePeloton } from '../helpers/fake';
import { SEED_CSV, tempDir } from '../helpers/temp-dir';
import { csvFiles, servicesAt, signedInFolder } from './kit';

const quiet = () => () => {};
const SAMPLE_DAY = join(SEED_CSV, '..', '2023_05_29.csv');

describe('daily CSV files', () => {
  it("writes the original pipeline's daily file byte for byte, and a rerun writes nothing", async () => {
    const dir = tempDir();
    const services = servicesAt(dir);
    services.importFile(SAMPLE_DAY);
    const first = await deliverTargets(services, quiet);
    const path = join(csvFolder(dir), '2023_05_29.csv');
    expect(first.csvFiles).toEqual([path]);
    expect(readFileSync(path)).toEqual(readFileSync(SAMPLE_DAY));
    const before = statSync(path).mtimeMs;
    const again = await deliverTargets(services, quiet);
    expect(again).toEqual({ csvFiles: [], s3Keys: [], postgres: null, waiting: [] });
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it("splits the seed into one file per UTC day, each with that day's rows in the original's order", async () => {
    const dir = tempDir();
    const services = servicesAt(dir);
    services.importFile(SEED_CSV);
    await deliverTargets(services, quiet);
    const [header, ...lines] = readFileSync(SEED_CSV, 'utf8').trimEnd().split('\n');
    const byDay = new Map<string, string[]>();
    for (const line of lines) {
      const day = /^[0-9a-f]{32},(\d{4})-(\d{2})-(\d{2})/.exec(line)?.slice(1).join('_') ?? 'bad';
      byDay.set(`${day}.csv`, [...(byDay.get(`${day}.csv`) ?? []), line]);
    }
    const files = csvFiles(dir);
    expect([...files.keys()]).toEqual([...byDay.keys()].sort());
    for (const [name, rows] of byDay) {
      const file = files.get(name) ?? '';
      expect(file.endsWith('\n') && !file.includes('\r')).toBe(true);
      const [head, ...body] = file.trimEnd().split('\n');
      expect(head).toBe(header);
      // Same rows; the same order too, but for the original's one tie-level swap (seed-pipeline.md a).
      expect([...body].sort()).toEqual([...rows].sort());
      if (name !== '2022_02_07.csv') expect(body).toEqual(rows);
    }
  });

  it('rewrites a deleted file, and a day changed in the cache whose CSV step never ran (a crash)', async () => {
    const dir = tempDir();
    let services = servicesAt(dir);
    services.importFile(SAMPLE_DAY);
    await deliverTargets(services, quiet);
    const path = join(csvFolder(dir), '2023_05_29.csv');
    rmSync(path);
    expect((await deliverTargets(services, quiet)).csvFiles).toEqual([path]);
    expect(readFileSync(path)).toEqual(readFileSync(SAMPLE_DAY));

    // The cache write of a sync commits, then the process dies before its CSV step.
    upsertWorkouts(
      services.cache,
      [
        {
          id: 'bb3972029ea544409cd489bd86e73b0d',
          riderName: 'Bryan Kolano',
          startTime: Date.UTC(2023, 4, 29, 10, 51, 32) / 1000,
          timezone: null,
          title: '20 min HIIT Ride',
          instructorId: null,
          instructor: 'Ally Love',
          classType: 'cycling',
          rideKind: 'class',
          lengthMin: 20,
          outputKj: 181.25,
          status: 'COMPLETE',
          source: 'seed',
          metricsJson: null,
          rawJson: null,
        },
      ],
      'import',
    );
    services.close();
    services = servicesAt(dir);
    expect((await deliverTargets(services, quiet)).csvFiles).toEqual([path]);
    expect(readFileSync(path, 'utf8')).toContain(',20,181.2,Bryan Kolano\n');
  });

  it('removes the file of a day left without workouts, and reports a day it cannot write', async () => {
    const dir = tempDir();
    const services = servicesAt(dir);
    services.importFile(SEED_CSV);
    await deliverTargets(services, quiet);
    services.cache.prepare("DELETE FROM riders WHERE name = 'Hillary Kolano'").run();
    // A folder where the file of a day that both rode goes: that day cannot be written.
    rmSync(join(csvFolder(dir), '2023_05_07.csv'));
    mkdirSync(join(csvFolder(dir), '2023_05_07.csv'));
    const result = await deliverTargets(services, quiet);
    const files = csvFiles(dir);
    expect(files.has('2023_05_22.csv')).toBe(false); // Hillary's last day
    expect([...files.values()].some((f) => f.includes('Hillary'))).toBe(false);
    expect(result.waiting).toEqual([
      { target: 'csv', item: '2023-05-07', attempts: 1, error: expect.stringContaining('is a folder') },
    ]);
  });

  it('guards formula-like titles, which round-trip through spoke import; a completed workout updates its day', async () => {
    const fake = await fakePeloton({ riders: 1, workoutsPerRider: 5 });
    const dir = await signedInFolder(fake);
    const userId = fake.accounts[0]?.userId ?? '';
    fake.admin.addWorkout(userId, { title: '=SUM(A1) Ride', kind: 'bike-class' });
    const open = fake.admin.addWorkout(userId, { status: 'IN_PROGRESS', totalWork: 50_000 });
    const services = servicesAt(dir, fakeEnv(fake));
    await services.sync();
    const file = [...csvFiles(dir).entries()].find(([, text]) => text.includes('SUM(A1)'));
    expect(file?.[1]).toContain(",'=SUM(A1) Ride,");

    const copy = servicesAt(tempDir());
    copy.importFile(join(csvFolder(dir), file?.[0] ?? ''));
    const titles = copy.cache.prepare<[], { title: string }>('SELECT title FROM workouts').all();
    expect(titles.map((t) => t.title)).toContain('=SUM(A1) Ride');

    const day = new Date(open.startTime * 1000).toISOString().slice(0, 10).replaceAll('-', '_');
    expect(csvFiles(dir).get(`${day}.csv`)).toContain(`${open.id},`);
    fake.admin.completeWorkout(open.id, 321_000);
    const after = await services.sync();
    expect(after.csvFiles).toEqual([join(csvFolder(dir), `${day}.csv`)]);
    expect(csvFiles(dir).get(`${day}.csv`)).toMatch(new RegExp(`${open.id},[^\\n]*,321\\.0,`));
  });
});
