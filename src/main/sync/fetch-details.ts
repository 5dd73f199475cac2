import type { Cache } from '../cache/open-cache';
import { pelotonExportRow, pelotonLayout } from '../imports/peloton-export-format';
import { readCsv } from '../imports/read-csv';
import { titleKey, utcMinute } from '../imports/workout-key';
import { metricsFromGraph } from '../peloton/metrics';
import type { PelotonApi } from '../peloton/peloton-api';
import type { RiderRef } from './fetch-workouts';

/** Above this many workouts lacking averages, one CSV export beats one request per workout. */
export const EXPORT_THRESHOLD = 12;
const CHUNK = 40;

type Candidate = { id: string; start_time: number; title: string; sensors: number };

/**
 * Fills each new, complete workout's averages (watts, cadence, resistance, speed,
 * distance, calories, heart rate) once, then never again. Workouts without sensor
 * data (yoga, meditation, app-only) need no request at all. For a backfill, Peloton's
 * own CSV export fills most of them in one request; the performance graph is asked
 * only for the rest.
 */
export async function fetchDetails(
  db: Cache,
  api: PelotonApi,
  rider: RiderRef,
  progress: (done: number, total: number) => void,
): Promise<number> {
  const candidates = db
    .prepare<[string], Candidate>(
      // Whether the workout had sensors is read inside SQLite, so a backfill of
      // thousands of workouts never pulls their raw JSON into memory.
      `SELECT id, start_time, title,
              COALESCE(json_extract(raw_json, '$.metrics_type') IS NOT NULL
                OR json_extract(raw_json, '$.has_pedaling_metrics') = 1
                OR json_extract(raw_json, '$.total_work') > 0, 0) AS sensors
         FROM workouts
        WHERE rider_id = ? AND status = 'COMPLETE' AND metrics_json IS NULL AND source = 'peloton'
        ORDER BY start_time DESC`,
    )
    .all(rider.id);
  const setMetrics = db.prepare('UPDATE workouts SET metrics_json = ? WHERE id = ?');
  const withSensors = candidates.filter(hasSensorData);
  db.transaction(() => {
    for (const c of candidates) if (!hasSensorData(c)) setMetrics.run('{}', c.id);
  })();

  let remaining = withSensors;
  if (withSensors.length > EXPORT_THRESHOLD) {
    const fromExport = await exportMetrics(api, rider);
    db.transaction(() => {
      remaining = withSensors.filter((c) => {
        const metrics = fromExport.get(`${utcMinute(c.start_time)}|${titleKey(c.title)}`);
        if (metrics) setMetrics.run(metrics, c.id);
        return !metrics;
      });
    })();
  }
  let done = withSensors.length - remaining.length;
  progress(done, withSensors.length);
  for (let i = 0; i < remaining.length; i += CHUNK) {
    const chunk = remaining.slice(i, i + CHUNK);
    const graphs = await Promise.all(chunk.map((c) => api.performanceGraph(c.id)));
    db.transaction(() => {
      chunk.forEach((c, j) => {
        const graph = graphs[j];
        if (graph) setMetrics.run(JSON.stringify(metricsFromGraph(graph)), c.id);
      });
    })();
    done += chunk.length;
    progress(done, withSensors.length);
  }
  return withSensors.length;
}

function hasSensorData(c: Candidate): boolean {
  return c.sensors === 1;
}

/** The rider's CSV export, keyed by UTC minute and title, as metrics JSON. Empty if it cannot be read. */
async function exportMetrics(api: PelotonApi, rider: RiderRef): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const text = await api.exportCsv(rider.id);
  try {
    const table = readCsv(Buffer.from(text, 'utf8'), 'Peloton export');
    const layout = pelotonLayout(table.header, 'Peloton export');
    for (const rec of table.records) {
      try {
        const w = pelotonExportRow(rec, layout, rider.name, 'Peloton export');
        if (w.metricsJson) out.set(`${utcMinute(w.startTime)}|${titleKey(w.title)}`, w.metricsJson);
      } catch {
        // A row the export parser refuses only loses its shortcut: the graph is asked instead.
      }
    }
  } catch {
    // An unreadable export: fall back to one performance graph per workout.
  }
  return out;
}
