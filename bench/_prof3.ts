import pg from 'pg';
import { startTestPostgres } from '../test/helpers/postgres';
async function main() {
  const server = await startTestPostgres();
  const client = new pg.Client({ connectionString: await server.createDatabase() });
  await client.connect();
  const time = async (label: string, sql: string) => { const t = performance.now(); const r = await client.query(sql); console.log(label, Math.round(performance.now() - t), r.rowCount); };
  await time('stage', `CREATE TABLE s AS SELECT md5(i::text) AS workout_id, now()::timestamp AS date, 'title ' || i AS class_title, 'instr' AS instructor, 'cycling' AS class_type, 20 AS length_min, 1.5::float8 AS total_output_kj, 'Rider' AS rider_name FROM generate_series(1,100000) i`);
  const ddl = (n: string) => `CREATE TABLE ${n} (workout_id varchar(45) PRIMARY KEY, date timestamp NOT NULL, class_title varchar(100) NOT NULL, instructor varchar(50) NOT NULL, class_type varchar(30) NOT NULL, length_min integer NOT NULL, total_output_kj float, rider_name varchar(30))`;
  await client.query(ddl('a')); await client.query(ddl('b')); await client.query(ddl('c')); await client.query(ddl('d'));
  await time('plain insert', 'INSERT INTO a SELECT * FROM s');
  await time('on conflict do nothing', 'INSERT INTO b SELECT * FROM s ON CONFLICT (workout_id) DO NOTHING');
  await time('on conflict update returning', 'INSERT INTO c SELECT * FROM s ON CONFLICT (workout_id) DO UPDATE SET date = excluded.date WHERE (c.date) IS DISTINCT FROM (excluded.date) RETURNING workout_id');
  await time('BEGIN', 'BEGIN');
  await time('in tx: on conflict update returning', 'INSERT INTO d SELECT * FROM s ON CONFLICT (workout_id) DO UPDATE SET date = excluded.date WHERE (d.date) IS DISTINCT FROM (excluded.date) RETURNING workout_id');
  await time('in tx: again unchanged', 'INSERT INTO d SELECT * FROM s ON CONFLICT (workout_id) DO UPDATE SET date = excluded.date WHERE (d.date) IS DISTINCT FROM (excluded.date) RETURNING workout_id');
  await time('COMMIT', 'COMMIT');
  await time('again unchanged, committed', 'INSERT INTO d SELECT * FROM s ON CONFLICT (workout_id) DO UPDATE SET date = excluded.date WHERE (d.date) IS DISTINCT FROM (excluded.date) RETURNING workout_id');
  await client.end(); await server.close();
}
main();
