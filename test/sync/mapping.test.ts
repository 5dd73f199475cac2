import { describe, expect, it } from 'vitest';
import type { WorkoutKind } from '../../e2e/fake-peloton';
import { KIND_DISCIPLINE } from '../../e2e/fake-peloton/workout-factory';
import { cachedWorkouts, rig, signInAll, syncJson } from './kit';

const RIDE_KIND: Partial<Record<WorkoutKind, string>> = {
  lanebreak: 'lanebreak',
  scenic: 'scenic',
  'just-ride': 'just_ride',
};
const NO_INSTRUCTOR: readonly WorkoutKind[] = ['lanebreak', 'scenic', 'just-ride'];
const NO_OUTPUT: readonly WorkoutKind[] = ['strength', 'yoga', 'meditation', 'stretching', 'app-only'];

/** The fake's whole instructor catalogue, page by page, as any client sees it. */
async function instructorPages(apiUrl: string): Promise<Map<string, string>[]> {
  const pages: Map<string, string>[] = [];
  for (let page = 0; ; page++) {
    const res = await fetch(`${apiUrl}/api/instructor?limit=100&page=${page}`);
    const body = (await res.json()) as { data: { id: string; name: string }[]; show_next: boolean };
    pages.push(new Map(body.data.map((i) => [i.id, i.name])));
    if (!body.show_next) return pages;
  }
}

describe('workouts as the cache stores them', () => {
  it('maps every special kind of workout the way the reports expect', async () => {
    const r = await rig({ riders: 2, workoutsPerRider: 40 });
    await signInAll(r);
    expect((await syncJson(r)).code).toBe(0);
    const pages = await instructorPages(r.fake.apiUrl);
    expect(pages.length).toBeGreaterThan(1);
    const names = new Map(pages.flatMap((p) => [...p]));
    const beyond100 = new Set(pages.slice(1).flatMap((p) => [...p.keys()]));
    const kindsSeen = new Set<WorkoutKind>();
    let lateInstructors = 0;

    for (const account of r.fake.accounts) {
      const truth = new Map(r.fake.admin.listWorkouts(account.userId).map((w) => [w.id, w]));
      const rows = cachedWorkouts(r.dir, account.userId);
      expect(rows).toHaveLength(truth.size);
      for (const row of rows) {
        const t = truth.get(row.id);
        if (!t) throw new Error(`cached ${row.id} is not on Peloton`);
        kindsSeen.add(t.kind);
        const where = `${t.kind} ${t.title}`;
        // Titles verbatim: apostrophes, quotes, accents, spreadsheet-looking text.
        expect(row.title, where).toBe(t.title);
        expect(row.status, where).toBe(t.status);
        expect(row.output_kj, where).toBeCloseTo(t.totalWork / 1000, 6);
        expect(row.ride_kind, where).toBe(RIDE_KIND[t.kind] ?? 'class');
        expect(row.class_type, where).toBe(t.kind === 'lanebreak' ? 'lanebreak' : KIND_DISCIPLINE[t.kind]);
        expect(row.timezone, where).toBe(t.timezone);
        expect(row.start_time, where).toBe(t.startTime);
        if (NO_INSTRUCTOR.includes(t.kind)) {
          expect(row.instructor, where).toBeNull();
        } else {
          expect(row.instructor, where).toBe(names.get(row.instructor_id ?? ''));
          expect(row.instructor, where).toBeTruthy();
          if (beyond100.has(row.instructor_id ?? '')) lateInstructors++;
        }
        if (NO_OUTPUT.includes(t.kind)) {
          expect(row.output_kj, where).toBe(0);
          // Nothing to ask Peloton about: no sensors.
          expect(row.metrics_json, where).toBe('{}');
        } else if (t.status === 'COMPLETE') {
          expect(row.metrics_json, where).not.toBeNull();
          expect(row.metrics_json, where).not.toBe('{}');
        }
      }
    }
    expect([...kindsSeen].sort()).toEqual(Object.keys(KIND_DISCIPLINE).sort());
    expect(lateInstructors).toBeGreaterThan(0);

    const titles = cachedWorkouts(r.dir).map((w) => w.title);
    expect(titles).toContain("30 min 80's Ride");
    expect(titles).toContain('45 min "Sweat Your Prayers" Ride');
    expect(titles).toContain('20 min Día de los Muertos Ride');
    expect(titles).toContain('=SUM(A1) Ride');
    const justRide = cachedWorkouts(r.dir).find((w) => w.ride_kind === 'just_ride');
    expect(justRide?.title).toMatch(/^\d+ min Just Ride$/);
    expect(justRide?.length_min).toBeGreaterThan(0);
  });

  it('tolerates schema drift: unknown fields kept in the raw JSON, nulled optional fields accepted', async () => {
    const r = await rig({ riders: 1, workoutsPerRider: 30, schemaDrift: true });
    await signInAll(r);
    const { code, result } = await syncJson(r);
    expect(code).toBe(0);
    expect(result.riders[0]?.inserted).toBe(30);
    const rows = cachedWorkouts(r.dir);
    expect(rows.every((w) => JSON.parse(w.raw_json ?? '{}').fake_new_field !== undefined)).toBe(true);
    const truth = new Map(r.fake.admin.listWorkouts(r.fake.accounts[0]?.userId ?? '').map((w) => [w.id, w]));
    for (const row of rows) {
      // Where drift nulled the class title, the workout's own name stands in.
      const rideTitle = JSON.parse(row.raw_json ?? '{}').ride?.title;
      if (rideTitle !== null) expect(row.title).toBe(truth.get(row.id)?.title);
      expect(row.title.length).toBeGreaterThan(0);
    }
  });
});
