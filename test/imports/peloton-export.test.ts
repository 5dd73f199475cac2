import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertWorkouts } from '../../src/main/cache/workouts-repo';
import { importFile } from '../../src/main/imports/import-file';
import { parsePelotonTimestamp } from '../../src/main/imports/peloton-timestamp';
import { exportWorkoutId } from '../../src/main/imports/workout-key';
import {
  countWorkouts,
  FIXTURES,
  freshCache,
  SEED_FILE,
  snapshot,
  tempFile,
  type WorkoutRow,
  workouts,
} from './cache-fixture';

const IMPERIAL = join(FIXTURES, 'peloton-imperial.csv');
const METRIC = join(FIXTURES, 'peloton-metric.csv');
const HEADER =
  'Workout Timestamp,Live/On-Demand,Instructor Name,Length (minutes),Fitness Discipline,Type,Title,Class Timestamp,Total Output,Avg. Watts,Avg. Resistance,Avg. Cadence (RPM),Avg. Speed (mph),Distance (mi),Calories Burned,Avg. Heartrate,Avg. Incline,Avg. Pace (min/mi)';

const utc = (iso: string) => Date.parse(iso) / 1000;
const byTitle = (rows: WorkoutRow[], title: string) => {
  const row = rows.find((r) => r.title === title);
  if (!row) throw new Error(`no workout titled ${title}`);
  return { ...row, metrics: JSON.parse(row.metrics_json ?? 'null') };
};

describe('Peloton export timestamps', () => {
  it.each([
    ['2023-05-25 05:31 (EDT)', '2023-05-25T09:31:00Z'],
    ['2021-03-02 06:45 (EST)', '2021-03-02T11:45:00Z'],
    ['2020-01-30 09:30 (CDT)', '2020-01-30T14:30:00Z'],
    ['2023-11-08 12:04 (-06)', '2023-11-08T18:04:00Z'],
    ['2022-07-04 07:00 (+0530)', '2022-07-04T01:30:00Z'],
    ['2022-07-04 07:00 (+05:30)', '2022-07-04T01:30:00Z'],
    ['2022-08-01 12:00 (BST)', '2022-08-01T11:00:00Z'],
    ['2023-06-11 07:05 (CEST)', '2023-06-11T05:05:00Z'],
    ['2024-01-01 00:30 (AKST)', '2024-01-01T09:30:00Z'],
    ['2024-01-01 00:30 (HST)', '2024-01-01T10:30:00Z'],
    ['2024-01-15 06:30 (GMT)', '2024-01-15T06:30:00Z'],
    ['2024-01-15 06:30 (UTC)', '2024-01-15T06:30:00Z'],
    ['2023-12-31 23:30 (-05)', '2024-01-01T04:30:00Z'],
    ['2024-01-15 06:30 (GMT+1)', '2024-01-15T05:30:00Z'],
    ['2024-01-15 06:30 (UTC-03:30)', '2024-01-15T10:00:00Z'],
    ['2024-03-10 07:00 (AEDT)', '2024-03-09T20:00:00Z'],
  ])('%s is %s', (text, iso) => {
    expect(parsePelotonTimestamp(text)).toMatchObject({ startTime: utc(iso) });
  });

  it.each([
    '2023-05-25 05:31',
    '2023-02-30 05:31 (EST)',
    '2023-05-25 25:31 (EST)',
    '25/05/2023 05:31 (EST)',
    '2023-05-25 05:31 (XYZ)',
    '2023-05-25 05:31 (IST)',
    '2023-05-25 05:31 (+15)',
  ])('%s is refused', (text) => {
    expect(parsePelotonTimestamp(text)).toHaveProperty('error');
  });
});

describe('importing Peloton\'s "Download Workouts" CSV', () => {
  it('reads the imperial family (BOM, CRLF, zone names and offsets, None, 45%, blanks, quoted commas)', () => {
    const db = freshCache();
    const result = importFile(db, IMPERIAL, { rider: 'Ann Rider' });
    expect(result).toEqual({ format: 'peloton-export', rows: 9, inserted: 9, updated: 0, unchanged: 0 });
    const rows = workouts(db);

    const pz = byTitle(rows, '45 min Power Zone Endurance Ride');
    expect(pz).toMatchObject({
      id: exportWorkoutId('Ann Rider', utc('2021-03-02T11:45:00Z'), '45 min Power Zone Endurance Ride'),
      start_time: utc('2021-03-02T11:45:00Z'),
      instructor: 'Matt Wilpers',
      class_type: 'cycling',
      ride_kind: 'class',
      length_min: 45,
      output_kj: 512,
      source: 'peloton-export',
    });
    expect(pz.id).toMatch(/^[0-9a-f]{32}$/);
    expect(pz.metrics).toEqual({
      avgWatts: 190,
      avgResistancePct: 47,
      avgCadenceRpm: 88,
      avgSpeed: 20.64,
      speedUnit: 'mph',
      distance: 15.48,
      distanceUnit: 'mi',
      calories: 640,
      avgHeartRate: 141.27,
      avgInclinePct: null,
      avgPace: null,
      paceUnit: 'min/mi',
      liveOnDemand: 'On Demand',
      typeLabel: 'Power Zone',
      workoutTimestamp: '2021-03-02 06:45 (EST)',
      classTimestamp: '2021-02-27 08:00 (EST)',
      classStartTime: utc('2021-02-27T13:00:00Z'),
    });

    expect(byTitle(rows, 'Lanebreak Ride')).toMatchObject({
      start_time: utc('2023-11-08T18:04:00Z'),
      instructor: null,
      class_type: 'lanebreak',
      ride_kind: 'lanebreak',
      length_min: 0,
      output_kj: 0,
    });
    expect(byTitle(rows, '20 min Veluwe National Park Ride')).toMatchObject({
      ride_kind: 'scenic',
      start_time: utc('2024-09-17T13:31:00Z'),
    });
    const distance = byTitle(rows, '5 KM Alaska Lutak Inlet Ride');
    expect(distance).toMatchObject({ ride_kind: 'scenic', length_min: 0, output_kj: 83 });
    expect(distance.metrics.avgHeartRate).toBeNull();
    expect(byTitle(rows, '30 min XOXO, Cody')).toMatchObject({
      instructor: 'Cody Rigsby',
      start_time: utc('2023-05-25T09:31:00Z'),
    });
    expect(byTitle(rows, '30 min XOXO, Cody').metrics.avgResistancePct).toBe(45);
    expect(byTitle(rows, '33 min Just Ride')).toMatchObject({ ride_kind: 'just_ride', instructor: null });
    const yoga = byTitle(rows, "20 min Mother's Day Flow");
    expect(yoga).toMatchObject({
      class_type: 'yoga',
      ride_kind: 'class',
      output_kj: 0,
      instructor: 'Robin Arzón',
    });
    expect(yoga.metrics).toMatchObject({ avgWatts: null, avgResistancePct: null, calories: null });
    const run = byTitle(rows, '30 min Fun Run');
    expect(run).toMatchObject({ class_type: 'running', start_time: utc('2022-07-04T01:30:00Z') });
    expect(run.metrics).toMatchObject({ avgInclinePct: 1.5, avgSpeed: 6.2, avgHeartRate: 150.5 });
    expect(run.metrics.avgPace).toBeCloseTo(9 + 41 / 60, 10);
    expect(byTitle(rows, '45 min Bike Bootcamp')).toMatchObject({
      class_type: 'bike_bootcamp',
      start_time: utc('2022-08-01T11:00:00Z'),
    });
  });

  it('reads the metric family with its units', () => {
    const db = freshCache();
    expect(importFile(db, METRIC, { rider: 'Ann Rider' })).toMatchObject({ rows: 4, inserted: 4 });
    const rows = workouts(db);
    const climb = byTitle(rows, '30 min Climb Ride');
    expect(climb).toMatchObject({ start_time: utc('2023-06-11T05:05:00Z'), instructor: 'Erik Jäger' });
    expect(climb.metrics).toMatchObject({
      avgSpeed: 33.22,
      speedUnit: 'kph',
      distance: 16.61,
      distanceUnit: 'km',
      paceUnit: 'min/km',
    });
    expect(byTitle(rows, '20 min Alps Ride')).toMatchObject({
      ride_kind: 'scenic',
      start_time: utc('2023-12-02T15:40:00Z'),
    });
    expect(byTitle(rows, '45 min Full Body Strength')).toMatchObject({
      class_type: 'strength',
      output_kj: 0,
    });
    expect(byTitle(rows, '20 min Endurance Run').metrics).toMatchObject({ avgPace: 5.71, avgInclinePct: 1 });
  });

  it('finds columns by name, whatever their order', () => {
    const db = freshCache();
    const cols = HEADER.split(',');
    const order = [...cols.keys()].reverse();
    const row =
      '2021-03-02 06:45 (EST),On Demand,Matt Wilpers,45,Cycling,Power Zone,45 min PZ Ride,,512,190,47%,88,20.64,15.48,640,141.27,,'.split(
        ',',
      );
    const file = tempFile(
      'reordered.csv',
      `${order.map((i) => cols[i]).join(',')}\n${order.map((i) => row[i]).join(',')}\n`,
    );
    importFile(db, file, { rider: 'Ann' });
    expect(workouts(db)[0]).toMatchObject({ title: '45 min PZ Ride', output_kj: 512, length_min: 45 });
  });

  it('importing the same file twice changes nothing', () => {
    const db = freshCache();
    importFile(db, IMPERIAL, { rider: 'Ann Rider' });
    const before = snapshot(db);
    expect(importFile(db, IMPERIAL, { rider: 'Ann Rider' })).toEqual({
      format: 'peloton-export',
      rows: 9,
      inserted: 0,
      updated: 0,
      unchanged: 9,
    });
    expect(snapshot(db)).toEqual(before);
  });

  it('keeps riders apart: the same file for two riders is two sets of workouts', () => {
    const db = freshCache();
    importFile(db, IMPERIAL, { rider: 'Ann' });
    importFile(db, IMPERIAL, { rider: 'Bob' });
    expect(countWorkouts(db)).toBe(18);
  });

  it('accepts the rider by id or by another spelling of the name', () => {
    const db = freshCache();
    importFile(db, IMPERIAL, { rider: 'Ann Rider' });
    const { id } = db.prepare("SELECT id FROM riders WHERE name = 'Ann Rider'").get() as { id: string };
    expect(importFile(db, IMPERIAL, { rider: id.toUpperCase() })).toMatchObject({ unchanged: 9 });
    expect(importFile(db, IMPERIAL, { rider: 'ann rider' })).toMatchObject({ unchanged: 9 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM riders').get()).toEqual({ n: 1 });
  });
});

describe('enriching workouts already in the cache', () => {
  const bryanExport = [
    HEADER,
    '2023-05-25 05:31 (EDT),On Demand,Bradley Rose,30,Cycling,Intervals,30 min HIIT & Hills Ride,2023-05-20 07:00 (EDT),265,147,45%,80,18.10,9.05,300,150.2,,',
    "2022-06-20 15:06 (EDT),On Demand,Denis Morton,30,Yoga,Flow,30 min Father's Day Yoga Flow,2022-06-19 08:00 (EDT),0,,,,,,120,,,",
    '2023-05-29 06:51 (EDT),On Demand,Ally Love,20,Cycling,Intervals,20 min HIIT Ride,2023-05-28 06:00 (EDT),179,149,46%,82,18.40,6.13,220,,,',
  ].join('\n');

  it('fills the metrics of seed workouts (same rider, UTC minute and title) instead of duplicating them', () => {
    const db = freshCache();
    importFile(db, SEED_FILE);
    const seedRow = (id: string) => db.prepare('SELECT * FROM workouts WHERE id = ?').get(id) as WorkoutRow;
    const before = seedRow('a1dc56e4e596446086ac5c2fc501e7de');
    const file = tempFile('bryan.csv', bryanExport);

    expect(importFile(db, file, { rider: 'Bryan Kolano' })).toEqual({
      format: 'peloton-export',
      rows: 3,
      inserted: 1,
      updated: 2,
      unchanged: 0,
    });
    expect(countWorkouts(db)).toBe(722);

    const after = seedRow('a1dc56e4e596446086ac5c2fc501e7de');
    const { metrics_json, updated_at, ...kept } = after as WorkoutRow & { updated_at: number };
    const {
      metrics_json: none,
      updated_at: _,
      ...keptBefore
    } = before as WorkoutRow & { updated_at: number };
    expect(none).toBeNull();
    expect(kept).toEqual(keptBefore);
    expect(after).toMatchObject({
      source: 'seed',
      output_kj: 265.2,
      start_time: utc('2023-05-25T09:31:58Z'),
    });
    expect(JSON.parse(metrics_json ?? '{}')).toMatchObject({
      avgWatts: 147,
      avgHeartRate: 150.2,
      calories: 300,
    });
    // The seed stripped the apostrophe ("Fathers Day"); the export has it: still the same workout.
    const yoga = seedRow('9f7bbe15501c412f9249ebc972b717f1');
    expect(yoga.title).toBe('30 min Fathers Day Yoga Flow');
    expect(JSON.parse(yoga.metrics_json ?? '{}')).toMatchObject({ calories: 120 });

    const before2 = snapshot(db);
    expect(importFile(db, file, { rider: 'Bryan Kolano' })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(snapshot(db)).toEqual(before2);
    // Importing the seed again does not wipe the metrics the export added.
    expect(importFile(db, SEED_FILE)).toMatchObject({ unchanged: 721 });
    expect(snapshot(db)).toEqual(before2);
  });

  it('does not match another rider, another minute or another title', () => {
    const db = freshCache();
    importFile(db, SEED_FILE);
    const file = tempFile('hillary.csv', bryanExport);
    expect(importFile(db, file, { rider: 'Hillary Kolano' })).toMatchObject({ inserted: 3, updated: 0 });
    const shifted = tempFile(
      'shifted.csv',
      bryanExport.replace('2023-05-25 05:31 (EDT)', '2023-05-25 05:32 (EDT)'),
    );
    expect(importFile(db, shifted, { rider: 'Bryan Kolano' })).toMatchObject({ inserted: 2, updated: 1 });
  });

  it('enriches a workout synced from the API, keeping the metrics it already has', () => {
    const db = freshCache();
    upsertWorkouts(
      db,
      [
        {
          id: 'f00dfeedf00dfeedf00dfeedf00dfeed',
          riderName: 'Bryan Kolano',
          startTime: utc('2023-05-25T09:31:58Z'),
          timezone: 'America/New_York',
          title: '30 min HIIT & Hills Ride',
          instructorId: 'abc',
          instructor: 'Bradley Rose',
          classType: 'cycling',
          rideKind: 'class',
          lengthMin: 30,
          outputKj: 265.163,
          status: 'COMPLETE',
          source: 'peloton',
          metricsJson: JSON.stringify({ avgWatts: 148, avgHeartRate: null, strive: 12 }),
          rawJson: '{"id":"f00dfeedf00dfeedf00dfeedf00dfeed"}',
        },
      ],
      'peloton',
    );
    const file = tempFile('bryan.csv', bryanExport);
    expect(importFile(db, file, { rider: 'Bryan Kolano' })).toMatchObject({ inserted: 2, updated: 1 });
    const api = db
      .prepare('SELECT * FROM workouts WHERE id = ?')
      .get('f00dfeedf00dfeedf00dfeedf00dfeed') as WorkoutRow;
    expect(api).toMatchObject({ source: 'peloton', output_kj: 265.163, instructor: 'Bradley Rose' });
    const metrics = JSON.parse(api.metrics_json ?? '{}');
    expect(metrics).toMatchObject({ avgWatts: 148, avgHeartRate: 150.2, calories: 300, strive: 12 });
    expect(importFile(db, file, { rider: 'Bryan Kolano' })).toMatchObject({ unchanged: 3 });
  });
});
