import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { channelNames } from '../../src/shared/channels';
import { contract } from '../../src/shared/contract';
import { makeHandlers, makeServices } from '../helpers/services';
import { SEED_CSV } from '../helpers/temp-dir';

describe('the API contract', () => {
  it('has exactly one handler per channel, and one schema per channel name', () => {
    const handlers = makeHandlers();
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
    expect(new Set(channelNames).size).toBe(channelNames.length);
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+:[a-z0-9-]+$/);
  });

  it('parses input before a handler runs and answers errors as values', async () => {
    const handlers = makeHandlers();
    const bad = await dispatch(handlers, 'reports:get', { name: 'summary', filter: { from: '2023-13-01' } });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'bad_input', message: expect.stringContaining('filter.from') },
    });
    const unknown = await dispatch(handlers, 'shell:exec', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const extra = await dispatch(handlers, 'settings:get', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('reports:get answers what `spoke report` computes', async () => {
    const services = makeServices();
    services.importFile(SEED_CSV);
    const result = await dispatch(makeHandlers(services), 'reports:get', {
      name: 'monthly-counts',
      filter: { tz: 'UTC', riders: ['Bryan Kolano'] },
    });
    expect(result.ok).toBe(true);
    const rows = (result as { value: { month: string; workouts: number }[] }).value;
    expect(rows[0]?.month).toBe('2021-10');
    expect(rows.find((r) => r.month === '2022-11')?.workouts).toBe(0);
    expect(rows.reduce((n, r) => n + r.workouts, 0)).toBe(324);
  });

  it('never sends a secret to a face: settings:get shows "set" only', async () => {
    const handlers = makeHandlers();
    await dispatch(handlers, 'settings:update', {
      set: { 'postgres.url': 'postgres://u:hunter2@db:5432/x' },
    });
    const view = await dispatch(handlers, 'settings:get', undefined);
    expect(view).toMatchObject({ ok: true, value: { 'postgres.url': 'set' } });
    expect(JSON.stringify(view)).not.toContain('hunter2');
  });

  it('hides internal failures behind a message without a stack trace', async () => {
    const services = makeServices();
    services.close();
    const result = await dispatch(makeHandlers(services), 'riders:list', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Spoke; the details are in the log.' },
    });
  });
});
