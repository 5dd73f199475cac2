import { useAppStore } from './app-store';
import { parseHash, routeHash } from './routes';

/**
 * Keeps the store and the URL fragment in step: links change the hash and the store
 * follows; filter changes rewrite the hash in place (no history entry per keystroke).
 */
export function startHashRouting(): () => void {
  const fromHash = () => {
    const route = parseHash(window.location.hash);
    useAppStore.getState().setRoute(route);
    writeHash(routeHash(route));
  };
  fromHash();
  window.addEventListener('hashchange', fromHash);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (
      state.screen !== previous.screen ||
      state.detail !== previous.detail ||
      state.filters !== previous.filters ||
      state.extras !== previous.extras
    ) {
      const { screen, detail, filters, extras } = state;
      writeHash(routeHash({ screen, detail, filters, extras }));
    }
  });
  return () => {
    window.removeEventListener('hashchange', fromHash);
    unsubscribe();
  };
}

function writeHash(hash: string): void {
  if (window.location.hash === hash) return;
  window.history.replaceState(window.history.state, '', hash);
}
