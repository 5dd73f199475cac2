import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS_IMPERIAL, type FakePeloton, startFakePeloton } from '../../e2e/fake-peloton/index';
import { api } from './browser';
import {
  first,
  type InstructorJson,
  jsonOf,
  type PageJson,
  type RideDetailsJson,
  type WorkoutJson,
} from './shapes';

let fake: FakePeloton;
beforeAll(async () => {
  fake = await startFakePeloton({ workoutsPerRider: 80 });
});
afterAll(() => fake.close());

const as = (i: number) => api(fake, fake.admin.issueTokens(fake.accounts[i]?.email ?? '').access_token);

/** RFC 4180 rows, enough to check the export without a CSV package. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('fake Peloton instructors', () => {
  type Page = PageJson<InstructorJson>;
  it('pages /api/instructor at 100 without sign-in, with more than 100 instructors', async () => {
    const page0 = await jsonOf<Page>(fetch(`${fake.apiUrl}/api/instructor?page=0&limit=100`));
    expect(page0).toMatchObject({
      page: 0,
      limit: 100,
      count: 100,
      total: 130,
      page_count: 2,
      show_next: true,
    });
    const page1 = await jsonOf<Page>(fetch(`${fake.apiUrl}/api/instructor?page=1&limit=100`));
    expect(page1).toMatchObject({ count: 30, show_next: false });
    const names = [...page0.data, ...page1.data].map((i) => i.name);
    expect(new Set(names).size).toBe(130);
    expect(names).toContain("Christine D'Ercole");
    const late = first(page1.data);
    const one = await jsonOf<InstructorJson>(fetch(`${fake.apiUrl}/api/instructor/${late.id}`));
    expect(one).toMatchObject({ id: late.id, name: late.name });
    expect((await fetch(`${fake.apiUrl}/api/instructor/${'0'.repeat(32)}`)).status).toBe(404);
  });

  it('uses instructors past the first page in classes, so a client must page to name them', async () => {
    const page0 = await jsonOf<Page>(fetch(`${fake.apiUrl}/api/instructor`));
    const onFirstPage = new Set(page0.data.map((i) => i.id));
    const list = await jsonOf<PageJson<WorkoutJson>>(
      as(0)(`/api/user/${fake.accounts[0]?.userId}/workouts?limit=100&joins=ride`),
    );
    const ids = list.data.map((w) => w.ride.instructor_id).filter((id): id is string => id !== null);
    expect(ids.some((id) => !onFirstPage.has(id))).toBe(true);
  });
});

describe('fake Peloton ride details', () => {
  it('has segments, cues, playlist, class types and unsorted inclusive target blocks', async () => {
    const call = as(0);
    const w = fake.admin
      .listWorkouts(fake.accounts[0]?.userId ?? '')
      .find((x) => x.kind === 'bike-class' && x.title.includes('Power Zone'));
    const d = await jsonOf<RideDetailsJson>(call(`/api/ride/${w?.rideId}/details`));
    expect(d.ride.id).toBe(w?.rideId);
    expect(d.segments.segment_list.length).toBeGreaterThan(1);
    expect(d.instructor_cues.length).toBeGreaterThan(0);
    expect(d.playlist.songs.length).toBeGreaterThan(0);
    expect(first(d.class_types).name).toBe('Power Zone');
    const targets = d.target_metrics_data.target_metrics;
    const blocks = targets.map((b) => b.offsets);
    const sorted = [...blocks].sort((a, b) => a.start - b.start);
    expect(blocks).not.toEqual(sorted);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]?.start).toBe((sorted[i - 1]?.end ?? 0) + 1);
    expect(first(first(targets).metrics).name).toBe('power_zone');
    expect((await call(`/api/ride/${'0'.repeat(32)}/details`)).status).toBe(404);
  });
});

describe('fake Peloton CSV export', () => {
  it('has the exact 18 headers, (EDT)/(-05) zones, None lengths, blanks and percent resistance, and no ids', async () => {
    const res = await as(0)(
      `/api/user/${fake.accounts[0]?.userId}/workout_history_csv?timezone=America%2FNew_York`,
      {
        headers: { accept: 'text/csv' },
      },
    );
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS_IMPERIAL]);
    expect(rows.every((r) => r.length === 18)).toBe(true);
    expect(rows).toHaveLength(79); // the IN_PROGRESS workout is not exported
    const stamps = rows.map((r) => r[0] ?? '');
    expect(stamps.every((s) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \((E[SD]T|-0[45])\)$/.test(s))).toBe(true);
    expect(stamps.some((s) => s.endsWith('(EDT)'))).toBe(true);
    expect(stamps.some((s) => s.endsWith('(EST)'))).toBe(true);
    expect(stamps.some((s) => s.endsWith('(-05)'))).toBe(true);
    // The DST fall-back pair: one wall-clock minute, twice.
    const wall = stamps.map((s) => s.slice(0, 16));
    expect(wall.some((s, i) => wall.indexOf(s) !== i)).toBe(true);
    expect(rows.some((r) => r[3] === 'None' && r[5] === 'Scenic Ride' && r[1] === '' && r[7] === '')).toBe(
      true,
    );
    const just = rows.find((r) => / min Just Ride$/.test(r[6] ?? ''));
    expect(just?.slice(1, 4)).toEqual(['', '', '0']);
    expect(rows.some((r) => /^\d+%$/.test(r[10] ?? ''))).toBe(true);
    const titles = rows.map((r) => r[6]);
    for (const t of [
      '=SUM(A1) Ride',
      '+1 Ride',
      '@home Yoga Flow',
      '45 min "Sweat Your Prayers" Ride',
      '20 min Rock, Pop & Soul Ride',
    ]) {
      expect(titles).toContain(t);
    }
    expect(text).toContain('\n=SUM(A1) Ride,'.slice(1)); // written as is, not neutralised
    expect(text).not.toMatch(/[0-9a-f]{32}/);
  });

  it('uses the metric headers for a metric account', async () => {
    const text = await (
      await as(2)(`/api/user/${fake.accounts[2]?.userId}/workout_history_csv?timezone=Europe%2FLondon`)
    ).text();
    const header = text.split('\n')[0] ?? '';
    expect(header).toContain('Avg. Speed (kph),Distance (km)');
    expect(header.endsWith('Avg. Pace (min/km)')).toBe(true);
    expect(text).toMatch(/\((BST|GMT|\+01|\+00)\)/);
  });
});

describe('fake Peloton endpoints that need Peloton-Platform: web', () => {
  it('refuses /overview and /achievements without it', async () => {
    const call = as(0);
    const id = fake.accounts[0]?.userId;
    expect((await call(`/api/user/${id}/overview?version=1`)).status).toBe(200);
    expect(
      (await call(`/api/user/${id}/overview?version=1`, { headers: { 'peloton-platform': '' } })).status,
    ).toBe(400);
    const bad = await call(`/api/user/${id}/achievements`, { headers: { 'peloton-platform': 'ios' } });
    expect(await bad.json()).toMatchObject({ status: 400, subcode: null, details: null });
  });
});
