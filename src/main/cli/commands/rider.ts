import { findRider, listRiders, removeRider } from '../../cache/riders-repo';
import { signInWithPassword, signInWithRefreshToken } from '../../peloton/sign-in';
import { commonOptions, parse } from '../args';
import { printJson, withServices } from '../context';
import { visible } from '../format-table';
import { type CliIo, UsageError } from '../io';

export const riderHelp = `Usage: spoke rider add --email EMAIL --password-stdin [--json]
       spoke rider add --refresh-token-stdin [--json]
       spoke rider list [--json]
       spoke rider remove ID|NAME

add signs in the way Peloton's members site does and stores the tokens encrypted;
the password (the first line of stdin) is used once and never stored.
remove forgets the rider's sign-in and everything cached for them; the next sync
rewrites the daily CSV files without them. Peloton, S3 and Postgres keep their
copies (see docs/targets.md).`;

export async function riderCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      ...commonOptions,
      email: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'refresh-token-stdin': { type: 'boolean' },
    },
    { min: 1, max: 2 },
  );
  if (values.help) {
    io.stdout(`${riderHelp}\n`);
    return 0;
  }
  const [action, target] = positionals;
  const firstLine = async () => (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  if (action === 'add') {
    if (target !== undefined) throw new UsageError(`Unexpected argument "${target}".`);
    const byToken = Boolean(values['refresh-token-stdin']);
    if (byToken === Boolean(values.email || values['password-stdin'])) {
      throw new UsageError('Use either --email EMAIL --password-stdin or --refresh-token-stdin.');
    }
    if (!byToken && (!values.email || !values['password-stdin'])) {
      throw new UsageError(
        'Signing in needs --email EMAIL and --password-stdin (the password on standard input).',
      );
    }
    const secret = await firstLine();
    if (secret === '')
      throw new UsageError(
        byToken ? 'No refresh token on standard input.' : 'No password on standard input.',
      );
    const rider = await withServices(io, values['data-dir'], 'cli', (s) => {
      const deps = { cache: s.cache, endpoints: s.peloton.endpoints(), tokens: s.peloton.tokens };
      return byToken
        ? signInWithRefreshToken(deps, secret)
        : signInWithPassword(deps, values.email ?? '', secret);
    });
    if (values.json) printJson(io, rider);
    else
      io.stdout(
        `Signed in ${visible(rider.name)}${rider.username ? ` (${visible(rider.username)})` : ''}. Run \`spoke sync\` to fetch workouts.\n`,
      );
    return 0;
  }
  if (action === 'list') {
    const riders = await withServices(io, values['data-dir'], 'cli', (s) => listRiders(s.cache));
    if (values.json)
      printJson(
        io,
        riders.map(({ id, name, username, lastSyncAt }) => ({ id, name, username, lastSyncAt })),
      );
    else if (riders.length === 0)
      io.stdout('No riders yet. Add one with `spoke rider add --email EMAIL --password-stdin`.\n');
    else
      for (const r of riders)
        io.stdout(
          `${r.id}  ${visible(r.name)}  ${r.workouts} workouts  last sync ${r.lastSyncAt ?? 'never'}\n`,
        );
    return 0;
  }
  if (action === 'remove') {
    if (!target) throw new UsageError('Usage: spoke rider remove ID|NAME');
    const { name, removed } = await withServices(io, values['data-dir'], 'cli', (s) => {
      const rider = findRider(s.cache, target);
      s.peloton.tokens.remove(rider.id);
      return { name: rider.name, removed: removeRider(s.cache, rider.id) };
    });
    if (values.json) printJson(io, { name, workoutsRemoved: removed });
    else io.stdout(`Removed ${visible(name)} and ${removed} cached workouts.\n`);
    return 0;
  }
  throw new UsageError(`Unknown rider action "${action}". Use add, list or remove.`);
}
