import { ScreenHeader } from '../components/ScreenHeader';
import { ErrorState, LoadingState } from '../components/States';
import { useAppStore } from '../store/app-store';
import { loadSettings } from '../store/loaders';
import { DisplaySettings } from './settings/DisplaySettings';
import { PostgresSettings } from './settings/PostgresSettings';
import { RidersSettings } from './settings/RidersSettings';
import { S3Settings } from './settings/S3Settings';
import { ScheduleSettings } from './settings/ScheduleSettings';

/** Riders, Postgres, S3, the schedule and display; secrets can be set or cleared, never read. */
export function SettingsScreen() {
  const settings = useAppStore((state) => state.data.settings);
  return (
    <>
      <ScreenHeader title="Settings" />
      {settings.value ? (
        <div className="settings-stack">
          <RidersSettings />
          <DisplaySettings />
          <ScheduleSettings />
          <PostgresSettings />
          <S3Settings />
        </div>
      ) : settings.error ? (
        <ErrorState what="the settings" error={settings.error} onRetry={loadSettings} />
      ) : (
        <LoadingState what="the settings" />
      )}
    </>
  );
}
