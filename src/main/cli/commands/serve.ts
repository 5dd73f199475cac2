import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHandlers } from '../../api/handlers';
import { startWebServer } from '../../server/web-server';
import { startDailySchedule } from '../../sync/daily-schedule';
import { commonOptions, parse } from '../args';
import { withServices } from '../context';
import { type CliIo, UsageError } from '../io';

export const serveHelp = `Usage: spoke serve [--host 127.0.0.1] [--port N]

Serves the dashboard and its API to a browser. The first line printed is the URL
to open; it carries the access token. --port 0 picks a free port. Runs until
interrupted (Ctrl-C).`;

/** The built renderer: beside the bundled CLI (out/main → out/renderer), else the repo's out/. */
export function rendererDir(): string {
  const besideBundle = resolve(__dirname, '../renderer');
  return existsSync(resolve(besideBundle, 'index.html'))
    ? besideBundle
    : resolve(process.cwd(), 'out/renderer');
}

export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    argv,
    { ...commonOptions, host: { type: 'string' }, port: { type: 'string' } },
    { min: 0, max: 0 },
  );
  if (values.help) {
    io.stdout(`${serveHelp}\n`);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port: expected a number from 0 to 65535.');
  return withServices(io, values['data-dir'], 'serve', async (services) => {
    const server = await startWebServer({
      handlers: createHandlers(services),
      events: services.events,
      log: services.log,
      staticDir: rendererDir(),
      host: values.host ?? '127.0.0.1',
      port,
    });
    io.stdout(`${server.url}\n`);
    io.stderr(`Serving ${services.dataDir}. Press Ctrl-C to stop.\n`);
    const schedule = startDailySchedule(services);
    void schedule.catchUp();
    const off = services.events.on('data:changed', ({ reason }) => {
      if (reason === 'settings') schedule.reschedule();
    });
    await io.interrupted();
    off();
    schedule.stop();
    await server.close();
    return 0;
  });
}
