import { screenCatalog } from '../screens/screen-catalog';
import { useAppStore } from '../store/app-store';
import { routeHash, screens } from '../store/routes';
import { Logo } from './Logo';
import { NavIcon } from './NavIcon';
import { SyncStatus } from './SyncStatus';

/** The app's main navigation: plain links to hash routes, so Tab, Enter and history all work. */
export function Sidebar() {
  const screen = useAppStore((state) => state.screen);
  const filters = useAppStore((state) => state.filters);
  const info = useAppStore((state) => state.data.info.value);

  return (
    <aside className="sidebar">
      <div className="brand">
        <Logo />
        <span className="brand-name">Spoke</span>
      </div>
      <nav aria-label="Main">
        <ul className="nav-list">
          {screens.map((id) => (
            <li key={id}>
              <a
                className="nav-link"
                href={routeHash({ screen: id, detail: null, filters, extras: {} })}
                aria-current={id === screen ? 'page' : undefined}
              >
                <NavIcon screen={id} />
                {screenCatalog[id].label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-foot">
        <SyncStatus />
        {info ? (
          <p className="muted small">
            Spoke {info.version} · {info.face === 'desktop' ? 'desktop' : 'browser'}
          </p>
        ) : null}
      </div>
    </aside>
  );
}
