import { ScreenHeader } from '../components/ScreenHeader';
import type { Screen } from '../store/routes';
import { screenCatalog } from './screen-catalog';

/** An honest "not built yet" screen: what it will show, and what to use meanwhile. */
export function PlaceholderScreen({ screen }: { screen: Screen }) {
  const { label, about, meanwhile } = screenCatalog[screen];
  return (
    <>
      <ScreenHeader title={label}>
        <span className="badge">Coming soon</span>
      </ScreenHeader>
      <section className="panel coming" aria-label={`${label}: coming soon`}>
        <p className="coming-about">{about}</p>
        {meanwhile ? (
          <p className="muted">
            Meanwhile, the command line has it: <code>{meanwhile}</code>
          </p>
        ) : null}
      </section>
    </>
  );
}
