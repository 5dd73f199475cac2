import type { SettingsView } from '../../shared/settings';

export type SettingsGroup = {
  title: string;
  entries: [key: string, value: SettingsView[keyof SettingsView]][];
};

const groupTitles: Record<string, string> = {
  postgres: 'Postgres',
  s3: 'S3',
  schedule: 'Schedule',
  display: 'Display',
  peloton: 'Peloton sign-in',
};

/** Settings grouped by the prefix of their key, in the order the server lists them. */
export function groupSettings(view: SettingsView): SettingsGroup[] {
  const groups = new Map<string, SettingsGroup>();
  for (const [key, value] of Object.entries(view) as SettingsGroup['entries']) {
    const prefix = key.split('.')[0] ?? key;
    let group = groups.get(prefix);
    if (!group) {
      group = { title: groupTitles[prefix] ?? prefix, entries: [] };
      groups.set(prefix, group);
    }
    group.entries.push([key, value]);
  }
  return [...groups.values()];
}
