import type { RideRecord, WorkoutRecord } from './records';
import { offsetChanges, offsetSeconds } from './time-zones';
import type { WorkoutKind } from './types';
import { type FactoryContext, introSeconds, makeWorkout, type WorkoutChoice } from './workout-factory';

const DAY = 86_400;
const YEAR = 365 * DAY;

/** Newest first after the IN_PROGRESS one: every kind early on, so even a small rider shows each case. */
const SHOWCASE: readonly WorkoutKind[] = [
  'bike-class',
  'just-ride',
  'scenic',
  'scenic',
  'lanebreak',
  'tread',
  'row',
  'strength',
  'yoga',
  'meditation',
  'stretching',
  'app-only',
  'outdoor-run',
];

const WEIGHTS: readonly [WorkoutKind, number][] = [
  ['bike-class', 40],
  ['lanebreak', 3],
  ['scenic', 3],
  ['just-ride', 4],
  ['strength', 12],
  ['yoga', 12],
  ['meditation', 5],
  ['stretching', 7],
  ['tread', 5],
  ['outdoor-run', 1],
  ['row', 4],
  ['app-only', 4],
];
const WEIGHT_TOTAL = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

function randomKind(ctx: FactoryContext): WorkoutKind {
  let x = ctx.prng.next() * WEIGHT_TOTAL;
  for (const [kind, w] of WEIGHTS) {
    x -= w;
    if (x < 0) return kind;
  }
  return 'bike-class';
}

/**
 * Fixed-time workouts that trip date handling: either side of each DST change in the year
 * before `newestAt` (in the rider's named zone, so a fall-back pair shares one wall-clock
 * minute, EDT then EST), and one that crosses UTC midnight.
 */
function edgeChoices(ctx: FactoryContext, newestAt: number): WorkoutChoice[] {
  const zone = ctx.rider.timezone;
  const out: WorkoutChoice[] = [];
  for (const t of offsetChanges(zone, newestAt - YEAR, newestAt - DAY)) {
    out.push({ kind: 'bike-class', start: t + 40 * 60, timezone: zone, maxSeconds: 1200 });
    out.push({ kind: 'bike-class', start: t - 20 * 60, timezone: zone, maxSeconds: 1200 });
  }
  const midnight = Math.floor((newestAt - 10 * DAY) / DAY) * DAY + 23 * 3600 + 50 * 60;
  out.push({ kind: 'bike-class', start: midnight, timezone: zone, maxSeconds: 2700 });
  return out.sort((a, b) => b.start - a.start);
}

/** A start near `t` at a habitual local hour: mornings, or evenings that cross UTC midnight in the Americas. */
function habitualStart(ctx: FactoryContext, t: number): number {
  const { prng, rider } = ctx;
  const off = offsetSeconds(rider.timezone, t);
  const day = Math.floor((t + off) / DAY) * DAY;
  const hour = prng.chance(0.6) ? prng.int(6, 8) : prng.int(19, 21);
  return day + hour * 3600 + prng.int(0, 59) * 60 + prng.int(0, 59) - off;
}

const span = (w: WorkoutRecord) => introSeconds(w.ride) + w.ride.duration + 120;

/**
 * A rider's history, newest first: the first rider's newest workout is IN_PROGRESS; then the
 * showcase kinds and the awkward titles; then weighted random kinds going back in time, with
 * gaps sized so 20 000 workouts span about six years.
 */
export function generateWorkouts(ctx: FactoryContext, newestAt: number): WorkoutRecord[] {
  const n = ctx.rider.workoutCount;
  const out: WorkoutRecord[] = [];
  const edges = n >= 25 ? edgeChoices(ctx, newestAt) : [];
  const regular = n - edges.length;
  const avgGap = Math.min(2 * DAY, Math.max(1200, (6 * YEAR) / Math.max(1, n)));
  const awkward: RideRecord[] = [...ctx.catalog.awkward];
  let prevStart = newestAt + DAY;
  const push = (w: WorkoutRecord) => {
    out.push(w);
    prevStart = w.startTime;
  };
  for (let i = 0; i < regular; ) {
    let start = newestAt - ctx.rider.index * 7200;
    if (i > 0) {
      start = prevStart - avgGap * ctx.prng.range(0.3, 1.7);
      if (avgGap >= DAY / 2) start = habitualStart(ctx, start);
    }
    const edge = edges[0];
    if (edge && edge.start + 3 * 3600 > start) {
      edges.shift();
      push(makeWorkout(ctx, edge));
      continue;
    }
    const choice: WorkoutChoice = { kind: 'bike-class', start: Math.floor(start) };
    if (i === 0 && ctx.rider.index === 0) choice.status = 'IN_PROGRESS';
    if (i > 0) {
      const showcase = SHOWCASE[i - 1];
      choice.ride = showcase ? undefined : awkward.shift();
      choice.kind =
        showcase ??
        (choice.ride ? (choice.ride.discipline === 'yoga' ? 'yoga' : 'bike-class') : randomKind(ctx));
      if (choice.kind === 'scenic') choice.ride = ctx.catalog.scenic[i % ctx.catalog.scenic.length];
    }
    const w = makeWorkout(ctx, choice);
    const latest = prevStart - span(w);
    if (i > 0 && w.startTime > latest) shiftBack(w, w.startTime - latest + ctx.prng.int(300, 3600));
    push(w);
    i++;
  }
  for (const edge of edges) push(makeWorkout(ctx, edge));
  return out.sort(newestFirst);
}

/** Peloton's `sort_by: "-created_at,-pk"`. */
export function newestFirst(a: WorkoutRecord, b: WorkoutRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function shiftBack(w: WorkoutRecord, by: number): void {
  w.startTime -= by;
  w.createdAt -= by;
  if (w.endTime !== null) w.endTime -= by;
  w.offsetSec = offsetSeconds(w.timezone, w.startTime);
}
