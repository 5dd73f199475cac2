import { useEffect, useRef } from 'react';
import { onEvent } from './api/client';
import { Sidebar } from './components/Sidebar';
import { OverviewScreen } from './screens/OverviewScreen';
import { PlaceholderScreen } from './screens/PlaceholderScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { useAppStore } from './store/app-store';
import { loadInfo, loadRiders, loadSettings } from './store/loaders';
import type { Screen } from './store/routes';
import { useLiveLoad } from './store/use-live-load';
import { useTheme } from './use-theme';

export function App() {
  const screen = useAppStore((state) => state.screen);
  useLiveLoad(loadInfo);
  useLiveLoad(loadRiders);
  useLiveLoad(loadSettings);
  useTheme();
  useMainEvents();
  useFocusOnNavigation(screen);

  return (
    <div className="layout">
      <button type="button" className="skip-link" onClick={skipToMain}>
        Skip to content
      </button>
      <Sidebar />
      <main id="main" className="main" tabIndex={-1}>
        <CurrentScreen screen={screen} />
      </main>
    </div>
  );
}

function CurrentScreen({ screen }: { screen: Screen }) {
  if (screen === 'overview') return <OverviewScreen />;
  if (screen === 'settings') return <SettingsScreen />;
  return <PlaceholderScreen screen={screen} />;
}

// A button, not a `#main` link: the hash is the route.
function skipToMain() {
  document.getElementById('main')?.focus();
}

/** Refetch on `data:changed`; show `sync:progress` until the sync's data lands. */
function useMainEvents(): void {
  useEffect(() => {
    const { dataChanged, setSyncProgress } = useAppStore.getState();
    const offChanged = onEvent('data:changed', (change) => {
      if (change.reason === 'sync') setSyncProgress(null);
      dataChanged();
    });
    const offProgress = onEvent('sync:progress', (progress) =>
      setSyncProgress(progress.total > 0 && progress.done >= progress.total ? null : progress),
    );
    return () => {
      offChanged();
      offProgress();
    };
  }, []);
}

/** After a move to another screen (not on first load), focus its title for screen readers. */
function useFocusOnNavigation(screen: Screen): void {
  const first = useRef<Screen | null>(screen);
  useEffect(() => {
    if (first.current === screen) return;
    first.current = null;
    document.getElementById('screen-title')?.focus();
  }, [screen]);
}
