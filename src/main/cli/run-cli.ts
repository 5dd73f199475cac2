import { UserError } from '../errors';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { reportCommand } from './commands/report';
import { riderCommand } from './commands/rider';
import { serveCommand } from './commands/serve';
import { settingsCommand } from './commands/settings';
import { syncCommand } from './commands/sync';
import { type CliIo, EXIT, UsageError } from './io';

type Command = { run: (argv: string[], io: CliIo) => Promise<number>; summary: string };

const commands: Record<string, Command> = {
  import: {
    run: importCommand,
    summary: 'import FILE [--rider NAME]     import a CSV (seed or Peloton export)',
  },
  export: { run: exportCommand, summary: 'export FILE [--format F]       write the cached workouts as CSV' },
  report: { run: reportCommand, summary: 'report NAME [filters]          print a report (--json, --csv)' },
  rider: { run: riderCommand, summary: 'rider add|list|remove          sign riders in to Peloton' },
  sync: { run: syncCommand, summary: 'sync [--rider R] [--since D]    fetch new workouts, update outputs' },
  settings: { run: settingsCommand, summary: 'settings get|set|unset         read or change settings' },
  serve: { run: serveCommand, summary: 'serve [--host H] [--port N]    the dashboard in a browser' },
};

export const mainHelp = `Spoke: your Peloton workouts as analytics, synced to SQLite, CSV, S3 and Postgres.

Usage: spoke COMMAND [options]

Commands:
${Object.values(commands)
  .map((c) => `  ${c.summary}`)
  .join('\n')}

Options for every command:
  --data-dir DIR   the data folder (default: SPOKE_DATA_DIR, else the desktop app's folder)
  --json           one JSON document on stdout; logs and progress go to stderr
  -h, --help       help for a command

Exit status: 0 done, 1 the job failed, 2 usage error.`;

/** Runs one command line; returns the exit status. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${mainHelp}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`spoke: ${error.message}\nRun \`spoke ${command ? `${name} ` : ''}--help\` for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      io.stderr(`spoke: ${error.message}\n`);
      return EXIT.failed;
    }
    io.stderr(`spoke: unexpected error: ${(error as Error).message ?? String(error)}\n`);
    return EXIT.failed;
  }
}
