import { useEffect } from 'react';
import { useAppStore } from './store/app-store';

/** Applies the `display.theme` setting; `system` leaves it to prefers-color-scheme. */
export function useTheme(): void {
  const theme = useAppStore((state) => state.data.settings.value?.['display.theme']);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme]);
}
