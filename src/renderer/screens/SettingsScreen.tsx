import type { SettingsView } from '../../shared/settings';
import { ScreenHeader } from '../components/ScreenHeader';
import { ErrorState, LoadingState } from '../components/States';
import { useAppStore } from '../store/app-store';
import { loadSettings } from '../store/loaders';
import { useLiveLoad } from '../store/use-live-load';
import { screenCatalog } from './screen-catalog';
import { groupSettings } from './settings-groups';

/** Read-only for now: the current settings, secrets shown only as set or not set. */
export function SettingsScreen() {
  const settings = useAppStore((state) => state.data.settings);
  useLiveLoad(loadSettings);

  return (
    <>
      <ScreenHeader title="Settings">
        <span className="badge">Editing coming soon</span>
      </ScreenHeader>
      <section className="panel coming" aria-label="Settings: coming soon">
        <p className="coming-about">
          {screenCatalog.settings.about} Sign-in per rider, Test connection and Test upload will live here.
        </p>
        <p className="muted">
          Meanwhile, change a setting with <code>spoke settings set KEY VALUE</code> (secrets with{' '}
          <code>--stdin</code>).
        </p>
      </section>
      {settings.value ? (
        <SettingsTables view={settings.value} />
      ) : settings.error ? (
        <ErrorState what="the settings" error={settings.error} onRetry={loadSettings} />
      ) : (
        <LoadingState what="the settings" />
      )}
    </>
  );
}

function SettingsTables({ view }: { view: SettingsView }) {
  return (
    <div className="settings-groups">
      {groupSettings(view).map((group) => (
        <table key={group.title} className="panel settings-table">
          <caption>{group.title}</caption>
          <tbody>
            {group.entries.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">
                  <code>{key}</code>
                </th>
                <td>
                  <SettingValue value={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

function SettingValue({ value }: { value: SettingsView[keyof SettingsView] }) {
  if (value === null || value === '') return <span className="muted">not set</span>;
  if (value === 'set') return <span className="badge badge-ok">set</span>;
  if (typeof value === 'boolean') return <span>{value ? 'on' : 'off'}</span>;
  return <code className="setting-value">{value}</code>;
}
