import pg from 'pg';
import { startTestPostgres } from '../test/helpers/postgres';
import { chunked, copyFrom } from '../src/main/targets/pg-copy';
async function main() {
  const server = await startTestPostgres();
  const client = new pg.Client({ connectionString: await server.createDatabase() });
  await client.connect();
  await client.query('CREATE TABLE t (a text, b text, c text)');
  const lines = Array.from({ length: 100000 }, (_, i) => `${i}\tsome title ${i}\t{"x":${i},"y":"abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz"}\n`);
  let t = performance.now();
  const n = await copyFrom(client, 'COPY t FROM STDIN', chunked(lines));
  console.log('copy', n, performance.now() - t);
  t = performance.now();
  await client.query('CREATE TABLE u AS SELECT * FROM t');
  console.log('ctas', performance.now() - t);
  await client.end(); await server.close();
}
main();
