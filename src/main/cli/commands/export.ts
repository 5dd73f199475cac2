import { type ExportFormat, exportWorkouts } from '../../exports/export-workouts';
import { commonOptions, parse } from '../args';
import { printJson, withServices } from '../context';
import { type CliIo, UsageError } from '../io';

export const exportHelp = `Usage: spoke export FILE [--format seed|peloton-export] [--rider NAME] [--json]

Writes the cached workouts to FILE: the original pipeline's 8 columns (seed, the
default) or Peloton's "Download Workouts" layout (one rider). Both read back with
\`spoke import\`.`;

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { ...commonOptions, format: { type: 'string' }, rider: { type: 'string' } },
    { min: 1, max: 1 },
  );
  if (values.help) {
    io.stdout(`${exportHelp}\n`);
    return 0;
  }
  const format = (values.format ?? 'seed') as ExportFormat;
  if (format !== 'seed' && format !== 'peloton-export') {
    throw new UsageError('--format: expected seed or peloton-export.');
  }
  const file = positionals[0] ?? '';
  const result = await withServices(io, values['data-dir'], 'cli', (s) =>
    exportWorkouts(s.cache, file, format, { rider: values.rider }),
  );
  if (values.json) printJson(io, { ...result, file });
  else io.stdout(`Wrote ${result.rows} workouts to ${file} (${result.format}).\n`);
  return 0;
}
