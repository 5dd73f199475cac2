import pg from 'pg';
import { startTestPostgres } from '../test/helpers/postgres';
import { copyLine, loadWorkouts } from '../src/main/targets/pg-load';
import { generateWorkouts } from './generate';
async function main() {
  const server = await startTestPostgres();
  const client = new pg.Client({ connectionString: await server.createDatabase() });
  await client.connect();
  const q = client.query.bind(client) as any;
  (client as any).query = (...args: any[]) => { const t = performance.now(); const r = q(...args); if (r && typeof r.then === 'function') r.then(() => console.log(Math.round(performance.now() - t), String(args[0]?.text ?? args[0]).slice(0, 60).replace(/\s+/g, ' '))); return r; };
  const rows = [...generateWorkouts(100000, 5)].map((w, i) => ({ seed: [w.id, '2023-01-01 00:00:00', w.title, w.instructor ?? 'no instructor', w.classType, String(w.lengthMin), String(w.outputKj), w.riderName], riderId: 'r', timezone: 'America/New_York', status: 'COMPLETE', rideKind: 'class', instructorId: null, metricsJson: JSON.stringify({ avgWatts: 100 + (i % 90), avgCadenceRpm: 80, calories: 300, distance: 9.1 }), rawJson: JSON.stringify({ id: w.id, status: 'COMPLETE', fitness_discipline: w.classType, ride: { title: w.title } }) }));
  let t0 = performance.now(); const lines = rows.map(copyLine); console.log('lines', performance.now() - t0);
  let t = performance.now();
  await loadWorkouts(client, lines);
  console.log('total', performance.now() - t);
  await client.end(); await server.close();
}
main();
