import { isSecretSetting, isSettingKey, settingDefs, settingKeys } from '../../../shared/settings';
import { commonOptions, parse } from '../args';
import { printJson, withServices } from '../context';
import { type CliIo, UsageError } from '../io';

export const settingsHelp = `Usage: spoke settings get [--json]
       spoke settings set KEY VALUE
       spoke settings set KEY --stdin      (for secrets: keeps them out of shell history)
       spoke settings unset KEY

Keys: ${settingKeys.join(', ')}.
Secrets (postgres.url, s3.secretAccessKey) are stored encrypted and shown only as "set".`;

export async function settingsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { ...commonOptions, stdin: { type: 'boolean' } },
    { min: 1, max: 3 },
  );
  const [action, key, value] = positionals;
  if (values.help) {
    io.stdout(`${settingsHelp}\n`);
    return 0;
  }
  if (action === 'get') {
    if (positionals.length > 2) throw new UsageError('Usage: spoke settings get [KEY] [--json]');
    return withServices(io, values['data-dir'], 'cli', (s) => {
      const view = s.settings.view();
      if (key !== undefined && !isSettingKey(key)) throw new UsageError(unknownKey(key));
      const shown = key !== undefined && isSettingKey(key) ? { [key]: view[key] } : view;
      if (values.json) printJson(io, shown);
      else {
        for (const [k, v] of Object.entries(shown))
          io.stdout(`${k} = ${v === null ? '(not set)' : String(v)}\n`);
      }
      return 0;
    });
  }
  if (action === 'set') {
    if (key === undefined) throw new UsageError('Usage: spoke settings set KEY VALUE');
    if (!isSettingKey(key)) throw new UsageError(unknownKey(key));
    let newValue = value;
    if (values.stdin) {
      if (value !== undefined)
        throw new UsageError('Give the value either on the command line or with --stdin, not both.');
      newValue = (await io.readStdin()).split(/\r?\n/)[0];
    }
    if (newValue === undefined)
      throw new UsageError(`Missing value for ${key} (${settingDefs[key].expects}).`);
    await withServices(io, values['data-dir'], 'cli', (s) => s.settings.update({ set: { [key]: newValue } }));
    io.stderr(`${key} ${isSecretSetting(key) ? 'saved (encrypted)' : 'saved'}.\n`);
    if (isSecretSetting(key) && !values.stdin) {
      io.stderr(`Tip: ${key} is a secret; use --stdin next time to keep it out of your shell history.\n`);
    }
    return 0;
  }
  if (action === 'unset') {
    if (key === undefined || positionals.length > 2) throw new UsageError('Usage: spoke settings unset KEY');
    if (!isSettingKey(key)) throw new UsageError(unknownKey(key));
    await withServices(io, values['data-dir'], 'cli', (s) => s.settings.update({ unset: [key] }));
    io.stderr(`${key} cleared.\n`);
    return 0;
  }
  throw new UsageError(`Unknown settings action "${action}". Use get, set or unset.`);
}

const unknownKey = (key: string) => `Unknown setting "${key}". Keys: ${settingKeys.join(', ')}.`;
