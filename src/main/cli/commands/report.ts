import { type ReportName, reportFilterSchema, reportNames } from '../../../shared/reports';
import { commonOptions, parse } from '../args';
import { printJson, withServices } from '../context';
import { formatCsv, formatTable } from '../format-table';
import { type CliIo, UsageError } from '../io';

export const reportHelp = `Usage: spoke report NAME [--rider NAME]... [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                   [--tz ZONE] [--json | --csv]

Reports: ${reportNames.join(', ')}.
--tz is the IANA zone days, months, weekdays and hours are bucketed in (default:
the display.timeZone setting, else this machine's zone); --tz UTC reproduces the
original notebook. --from/--to are inclusive days in that zone.`;

export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      ...commonOptions,
      csv: { type: 'boolean' },
      rider: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      tz: { type: 'string' },
    },
    { min: 1, max: 1 },
  );
  if (values.help) {
    io.stdout(`${reportHelp}\n`);
    return 0;
  }
  const name = positionals[0] ?? '';
  if (!(reportNames as readonly string[]).includes(name)) {
    throw new UsageError(`Unknown report "${name}". Reports: ${reportNames.join(', ')}.`);
  }
  if (values.json && values.csv) throw new UsageError('Choose one of --json and --csv.');
  const filter = reportFilterSchema.safeParse({
    riders: values.rider,
    from: values.from,
    to: values.to,
    tz: values.tz,
  });
  if (!filter.success) {
    const issue = filter.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? 'filter')}: ${issue?.message ?? 'invalid'}.`);
  }
  const rows = await withServices(io, values['data-dir'], 'cli', (s) =>
    s.report(name as ReportName, filter.data),
  );
  if (values.json) printJson(io, rows);
  else if (values.csv) io.stdout(formatCsv(rows));
  else io.stdout(formatTable(rows));
  return 0;
}
