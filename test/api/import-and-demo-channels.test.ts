import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { writeDailyCsv } from '../../src/main/targets/daily-csv';
import { makeHandlers, makeServices } from '../helpers/services';
import { SEED_CSV, tempDir } from '../helpers/temp-dir';

describe('first-run channels: a CSV from the file picker, and demo data', () => {
  it('imports the text of a picked or dropped CSV, all or nothing', async () => {
    const handlers = makeHandlers();
    const text = readFileSync(SEED_CSV, 'utf8');
    const ok = await dispatch(handlers, 'imports:csv', { fileName: 'all_rides.csv', text });
    expect(ok).toEqual({
      ok: true,
      value: { format: 'seed', rows: 721, inserted: 721, updated: 0, unchanged: 0 },
    });

    const broken = text.replace('265.2', 'lots');
    const bad = await dispatch(handlers, 'imports:csv', {
      fileName: '../../secret/all_rides.csv',
      text: broken,
    });
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'bad_input',
        message:
          'all_rides.csv line 2, column total_output_kj: expected a number of kilojoules such as 265.2, found "lots".',
      },
    });
  });

  it('loads clearly marked demo riders, and removes them without touching real data', async () => {
    const services = makeServices();
    services.importFile(SEED_CSV);
    const handlers = makeHandlers(services);
    const loaded = await dispatch(handlers, 'demo:load', undefined);
    const workouts = (loaded as { value: { workouts: number } }).value.workouts;
    expect(workouts).toBeGreaterThan(300);
    const info = await dispatch(handlers, 'app:info', undefined);
    expect(info).toMatchObject({ ok: true, value: { demo: true, workouts: 721 + workouts, riders: 4 } });
    const riders = (await dispatch(handlers, 'riders:list', undefined)) as { value: { name: string }[] };
    expect(riders.value.map((r) => r.name).filter((n) => n.startsWith('Demo'))).toHaveLength(2);

    expect(await dispatch(handlers, 'demo:remove', undefined)).toEqual({
      ok: true,
      value: { removed: workouts },
    });
    expect(await dispatch(handlers, 'app:info', undefined)).toMatchObject({
      value: { demo: false, workouts: 721 },
    });
  });

  it('never writes demo workouts into the daily CSVs (nor so to S3 or Postgres)', async () => {
    const services = makeServices();
    services.importFile(SEED_CSV);
    await dispatch(makeHandlers(services), 'demo:load', undefined);
    const dir = tempDir();
    writeDailyCsv(services.cache, dir, services.log, () => undefined);
    const files = readdirSync(dir);
    expect(files).toContain('2023_05_25.csv');
    const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    expect(text).toContain('Bryan Kolano');
    expect(text).not.toContain('Demo');
  });
});
