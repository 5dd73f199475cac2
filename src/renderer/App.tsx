import { useEffect, useRef } from 'react';
import { onEvent } from './api/client';
import { Sidebar } from './components/Sidebar';
import { InstructorScreen } from './screens/InstructorScreen';
import { InstructorsScreen } from './screens/InstructorsScreen';
import { OverviewScreen } from './screens/OverviewScreen';
import { RiderScreen } from './screens/RiderScreen';
import { RidersScreen } from './screens/RidersScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SyncScreen } from './screens/SyncScreen';
import { WorkoutsScreen } from './screens/WorkoutsScreen';
import { useAppStore } from './store/app-store';
import { loadInfo, loadOptions, loadRiders, loadSettings } from './store/loaders';
import type { Screen } from './store/routes';
import { useSyncStore } from './store/sync-store';
import { useLiveLoad } from './store/use-live-load';
import { useTheme } from './use-theme';

export function App() {
  const screen = useAppStore((state) => state.screen);
  const detail = useAppStore((state) => state.detail);
  // Started in main.tsx, before the screen's reports: see startShellLoads.
  useLiveLoad(loadInfo, { initial: false });
  useLiveLoad(loadRiders, { initial: false });
  useLiveLoad(loadSettings, { initial: false });
  useLiveLoad(loadOptions);
  useTheme();
  useMainEvents();
  useFocusOnNavigation(`${screen}/${detail ?? ''}`);

  return (
    <div className="layout">
      <button type="button" className="skip-link" onClick={skipToMain}>
        Skip to content
      </button>
      <Sidebar />
      <main id="main" className="main" tabIndex={-1}>
        <CurrentScreen screen={screen} detail={detail} />
      </main>
    </div>
  );
}

function CurrentScreen({ screen, detail }: { screen: Screen; detail: string | null }) {
  switch (screen) {
    case 'riders':
      return <RidersScreen />;
    case 'rider':
      return <RiderScreen />;
    case 'instructors':
      return detail ? <InstructorScreen instructor={detail} /> : <InstructorsScreen />;
    case 'workouts':
      return <WorkoutsScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <OverviewScreen />;
  }
}

// A button, not a `#main` link: the hash is the route.
function skipToMain() {
  document.getElementById('main')?.focus();
}

/** Refetch on `data:changed`; keep `sync:progress` for the progress bars. */
function useMainEvents(): void {
  useEffect(() => {
    const offChanged = onEvent('data:changed', (change) => {
      if (change.reason === 'sync') useSyncStore.getState().settle();
      useAppStore.getState().dataChanged();
    });
    const offProgress = onEvent('sync:progress', (progress) => useSyncStore.getState().onProgress(progress));
    return () => {
      offChanged();
      offProgress();
    };
  }, []);
}

/** After a move to another screen (not on first load), focus its title for screen readers. */
function useFocusOnNavigation(place: string): void {
  const first = useRef<string | null>(place);
  useEffect(() => {
    if (first.current === place) return;
    first.current = null;
    document.getElementById('screen-title')?.focus();
  }, [place]);
}
