import { AWKWARD_TITLES, DISCIPLINES, LANEBREAK_TRACKS, SCENIC_RIDES } from './catalog';
import { JUST_RIDE_ID } from './constants';
import type { InstructorRecord } from './instructors';
import type { Prng } from './prng';
import type { RideRecord } from './records';

/** The class library, grouped for picking: by discipline, each list sorted by air time. */
export type RideCatalog = {
  byId: Map<string, RideRecord>;
  byDiscipline: Map<string, RideRecord[]>;
  scenic: RideRecord[];
  lanebreak: RideRecord[];
  awkward: RideRecord[];
  /** Registers a class made on the fly (a live class, an added workout's class). */
  add(ride: RideRecord): RideRecord;
};

const YEAR = 365 * 86_400;

function instructorFor(
  prng: Prng,
  instructors: readonly InstructorRecord[],
  discipline: string,
): string | null {
  const able = instructors.filter((i) => i.disciplines.includes(discipline));
  return able.length > 0 ? prng.pick(able).id : null;
}

export function makeRide(
  prng: Prng,
  instructors: readonly InstructorRecord[],
  fields: Pick<RideRecord, 'title' | 'discipline' | 'classType' | 'duration' | 'originalAirTime'> &
    Partial<RideRecord>,
): RideRecord {
  return {
    id: prng.hexId(),
    instructorId: instructorFor(prng, instructors, fields.discipline),
    contentProvider: 'peloton',
    lanebreak: null,
    distanceKm: null,
    difficulty: Math.round(prng.range(4, 9) * 10_000) / 10_000,
    seed: prng.seed(),
    ...fields,
  };
}

export function justRide(prng: Prng, seconds: number): RideRecord {
  return {
    id: JUST_RIDE_ID,
    title: `${Math.max(1, Math.round(seconds / 60))} min Just Ride`,
    discipline: 'cycling',
    classType: null,
    duration: seconds,
    instructorId: null,
    originalAirTime: null,
    contentProvider: 'peloton',
    lanebreak: null,
    distanceKm: null,
    difficulty: 0,
    seed: prng.seed(),
  };
}

/** A few hundred classes aired over the eight years before `newestAt`. */
export function generateRides(
  prng: Prng,
  instructors: readonly InstructorRecord[],
  newestAt: number,
): RideCatalog {
  const airTime = () => Math.floor(newestAt - prng.range(30 * 86_400, 8 * YEAR) - (newestAt % 3600));
  const catalog: RideCatalog = {
    byId: new Map(),
    byDiscipline: new Map(),
    scenic: [],
    lanebreak: [],
    awkward: [],
    add(ride) {
      catalog.byId.set(ride.id, ride);
      const list = catalog.byDiscipline.get(ride.discipline) ?? [];
      const at = ride.originalAirTime ?? 0;
      let i = list.length;
      while (i > 0 && (list[i - 1]?.originalAirTime ?? 0) > at) i--;
      list.splice(i, 0, ride);
      catalog.byDiscipline.set(ride.discipline, list);
      return ride;
    },
  };
  for (const d of Object.values(DISCIPLINES)) {
    const count = d.slug === 'cycling' ? 160 : 30;
    for (let i = 0; i < count; i++) {
      const t = prng.pick(d.titles);
      const minutes = prng.pick(d.minutes);
      const warmCool = d.slug === 'cycling' && minutes === 5;
      const title = warmCool ? `5 min ${prng.chance(0.5) ? 'Warm Up' : 'Cool Down'} Ride` : t.title;
      catalog.add(
        makeRide(prng, instructors, {
          title: title.replace('{min}', String(minutes)),
          discipline: d.slug,
          classType: warmCool ? (title.includes('Warm') ? 'Warm Up' : 'Cool Down') : t.type,
          duration: minutes * 60,
          originalAirTime: airTime(),
        }),
      );
    }
  }
  for (const minutes of [20, 30, 45]) {
    catalog.add(
      makeRide(prng, instructors, {
        title: `${minutes} min Outdoor Run`,
        discipline: 'running',
        classType: 'Outdoor',
        duration: minutes * 60,
        originalAirTime: airTime(),
      }),
    );
  }
  for (const a of AWKWARD_TITLES) {
    const ride = makeRide(prng, instructors, {
      title: a.title,
      discipline: a.discipline,
      classType: a.type,
      duration: a.minutes * 60,
      originalAirTime: airTime(),
    });
    catalog.awkward.push(catalog.add(ride));
  }
  for (const s of SCENIC_RIDES) {
    const ride = makeRide(prng, instructors, {
      title: s.title,
      discipline: 'cycling',
      classType: 'Scenic Ride',
      duration: s.minutes * 60,
      originalAirTime: airTime(),
      distanceKm: s.km,
    });
    catalog.scenic.push({ ...ride, instructorId: null, contentProvider: 'virtual_active' });
    catalog.byId.set(ride.id, catalog.scenic[catalog.scenic.length - 1] as RideRecord);
  }
  for (const l of LANEBREAK_TRACKS) {
    const ride = makeRide(prng, instructors, {
      title: 'Lanebreak Ride',
      discipline: 'cycling',
      classType: null,
      duration: prng.pick([180, 240, 300, 420]),
      originalAirTime: airTime(),
      lanebreak: { levelId: prng.hexId(), track: l.track, artist: l.artist },
    });
    catalog.lanebreak.push({ ...ride, instructorId: null });
    catalog.byId.set(ride.id, catalog.lanebreak[catalog.lanebreak.length - 1] as RideRecord);
  }
  return catalog;
}

/** A class of `discipline` that had aired before `at` (or the oldest one). */
export function pickRide(prng: Prng, catalog: RideCatalog, discipline: string, at: number): RideRecord {
  const list = catalog.byDiscipline.get(discipline) ?? catalog.byDiscipline.get('cycling') ?? [];
  let hi = list.length;
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.originalAirTime ?? 0) < at - 3600) lo = mid + 1;
    else hi = mid;
  }
  const ride = list[lo > 0 ? prng.int(0, lo - 1) : 0];
  if (!ride) throw new Error(`no class for ${discipline}`);
  return ride;
}
