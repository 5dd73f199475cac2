import { type ReportName, reportFilterSchema, reportNames } from '../../../shared/reports';
import { commonOptions, parse } from '../args';
import { printJson, withServices } from '../context';
import { formatCsv, formatTable } from '../format-table';
import { type CliIo, UsageError } from '../io';

export const reportHelp = `Usage: spoke report NAME [--rider NAME]... [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                   [--tz ZONE] [--class-type TYPE]... [--length MIN]...
                   [--instructor NAME]... [--ride-types TYPE,TYPE]
                   [--ride-min-kj KJ] [--ride-min-length MIN] [--json | --csv]

Reports: ${reportNames.join(', ')}.
--tz is the IANA zone days, months, weekdays and hours are bucketed in (default:
the display.timeZone setting, else this machine's zone); --tz UTC reproduces the
original notebook. --from/--to are inclusive days in that zone.

Filters (they apply before any computation; each may repeat, default: all):
  --class-type TYPE    only this class type, as a slug (cycling, yoga, bike_bootcamp)
  --length MIN         only classes this many minutes long
  --instructor NAME    only this instructor, as reports label them: the name, or
                       Lanebreak, Scenic, Just Ride, No instructor
A value no workout has matches nothing.

The ride subset of output-by-length, monthly-output, instructors and records
(default: cycling and lanebreak, more than 1 kJ, longer than 10 minutes):
  --ride-types TYPE,TYPE   the class types that count as rides
  --ride-min-kj KJ         the output a ride must exceed (0: no minimum)
  --ride-min-length MIN    the class length a ride must exceed, in minutes
                           (0: no minimum, which keeps rides without a length)`;

/** Each filter field's flag, and what it expects when the schema's own words are too technical. */
const flags: Record<string, { flag: string; expected?: string }> = {
  riders: { flag: 'rider', expected: 'expected a rider name or id' },
  classTypes: { flag: 'class-type' },
  lengths: { flag: 'length', expected: 'expected whole minutes from 0 to 600, such as 20' },
  instructors: { flag: 'instructor', expected: 'expected an instructor name or label' },
  'ride.classTypes': {
    flag: 'ride-types',
    expected: 'expected class type slugs separated by commas, such as cycling,lanebreak',
  },
  'ride.minOutputKj': { flag: 'ride-min-kj', expected: 'expected kJ from 0 to 10000, such as 1' },
  'ride.minLengthMin': {
    flag: 'ride-min-length',
    expected: 'expected whole minutes from 0 to 600, such as 10',
  },
};

/** A number when the text is one; otherwise the text, for the schema to refuse by name. */
const numeric = (text: string): number | string => {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
};

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
      'class-type': { type: 'string', multiple: true },
      length: { type: 'string', multiple: true },
      instructor: { type: 'string', multiple: true },
      'ride-types': { type: 'string' },
      'ride-min-kj': { type: 'string' },
      'ride-min-length': { type: 'string' },
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
  const rideTypes = values['ride-types'];
  const rideMinKj = values['ride-min-kj'];
  const rideMinLength = values['ride-min-length'];
  const ride =
    rideTypes === undefined && rideMinKj === undefined && rideMinLength === undefined
      ? undefined
      : {
          classTypes: rideTypes?.split(',').flatMap((t) => (t.trim() ? [t.trim()] : [])),
          minOutputKj: rideMinKj === undefined ? undefined : numeric(rideMinKj),
          minLengthMin: rideMinLength === undefined ? undefined : numeric(rideMinLength),
        };
  const filter = reportFilterSchema.safeParse({
    riders: values.rider,
    from: values.from,
    to: values.to,
    tz: values.tz,
    classTypes: values['class-type'],
    lengths: values.length?.map(numeric),
    instructors: values.instructor,
    ride,
  });
  if (!filter.success) {
    const issue = filter.error.issues[0];
    const path = (issue?.path ?? []).filter((p) => typeof p === 'string').join('.');
    // A refinement of the whole filter has no path: the only one compares --from and --to.
    const known = flags[path];
    const flag = path ? `--${known?.flag ?? path}` : '--from/--to';
    const slugIssue = issue?.code === 'invalid_format' && path === 'ride.classTypes';
    const message = known?.expected && !slugIssue ? known.expected : (issue?.message ?? 'invalid');
    throw new UsageError(`${flag}: ${message}.`);
  }
  const rows = await withServices(io, values['data-dir'], 'cli', (s) =>
    s.report(name as ReportName, filter.data),
  );
  if (values.json) printJson(io, rows);
  else if (values.csv) io.stdout(formatCsv(rows));
  else io.stdout(formatTable(rows));
  return 0;
}
