import { commonOptions, parse } from '../args';
import { printJson, withServices } from '../context';
import type { CliIo } from '../io';

export const importHelp = `Usage: spoke import FILE [--rider NAME] [--json]

Imports a CSV into the cache: the original pipeline's all_rides.csv (seed format)
or Peloton's "Download Workouts" export (needs --rider). Upserts by workout id;
a malformed file imports nothing and the error names the line and column.`;

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { ...commonOptions, rider: { type: 'string' } },
    { min: 1, max: 1 },
  );
  if (values.help) {
    io.stdout(`${importHelp}\n`);
    return 0;
  }
  const file = positionals[0] ?? '';
  const result = await withServices(io, values['data-dir'], 'cli', (s) =>
    s.importFile(file, { rider: values.rider }),
  );
  if (values.json) printJson(io, result);
  else {
    io.stdout(
      `Imported ${file} (${result.format}): ${result.rows} rows, ${result.inserted} new, ` +
        `${result.updated} updated, ${result.unchanged} unchanged.\n`,
    );
  }
  return 0;
}
