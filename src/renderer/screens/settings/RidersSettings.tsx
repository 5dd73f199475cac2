import { useState } from 'react';
import type { Rider } from '../../../shared/model';
import { call } from '../../api/client';
import { removeDemo } from '../../api/imports';
import { MessageText } from '../../components/MessageText';
import { formatAgo } from '../../format/dates';
import { plural } from '../../format/numbers';
import { useAppStore } from '../../store/app-store';
import { loadRiders, toApiError } from '../../store/loaders';
import { AddRider } from './AddRider';

/** A rider who never signed in (from an imported CSV or the demo) has nothing to sign out of. */
const signedIn = (rider: Rider) => rider.source === 'peloton';

/** The household's riders: who is signed in, Sign out or Remove (with a confirmation), Add rider. */
export function RidersSettings() {
  const riders = useAppStore((state) => state.data.riders.value) ?? [];
  const demo = useAppStore((state) => state.data.info.value?.demo === true);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const signOut = async (rider: Rider) => {
    try {
      const { removed } = await call('riders:remove', { id: rider.id });
      const gone = `${plural(removed, 'workout', 'workouts')} left this computer.`;
      setMessage({
        ok: true,
        text: signedIn(rider) ? `${rider.name} is signed out; ${gone}` : `${rider.name} is removed; ${gone}`,
      });
      void loadRiders();
    } catch (error) {
      setMessage({ ok: false, text: toApiError(error).message });
    } finally {
      setConfirming(null);
    }
  };
  const dropDemo = async () => {
    try {
      const { removed } = await removeDemo();
      setMessage({ ok: true, text: `Demo data removed (${plural(removed, 'workout', 'workouts')}).` });
      useAppStore.getState().dataChanged();
    } catch (error) {
      setMessage({ ok: false, text: toApiError(error).message });
    }
  };

  return (
    <section className="panel section" aria-labelledby="riders-title">
      <h2 id="riders-title">Riders</h2>
      {riders.length === 0 ? <p className="muted">No riders yet.</p> : null}
      <ul className="rider-list">
        {riders.map((rider) => (
          <li key={rider.id}>
            <div>
              <p className="strong">{rider.name}</p>
              <p className="muted small">
                {signedIn(rider)
                  ? `${rider.username ? `@${rider.username}` : 'signed in'} · `
                  : `${rider.source === 'demo' ? 'demo data' : 'imported'}, not signed in · `}
                {plural(rider.workouts, 'workout', 'workouts')} · last sync{' '}
                {rider.lastSyncAt ? formatAgo(rider.lastSyncAt) : 'never'}
              </p>
            </div>
            {confirming === rider.id ? (
              <fieldset
                className="confirm"
                aria-label={`Confirm ${signedIn(rider) ? 'signing out' : 'removing'} ${rider.name}`}
              >
                <span className="small">
                  Remove {rider.name} and their {plural(rider.workouts, 'workout', 'workouts')} from this
                  computer? Peloton, S3 and Postgres keep theirs.
                </span>
                <button
                  type="button"
                  className="button button-danger button-small"
                  onClick={() => void signOut(rider)}
                >
                  {signedIn(rider) ? 'Sign out and remove' : 'Remove'}
                </button>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => setConfirming(null)}
                >
                  Cancel
                </button>
              </fieldset>
            ) : (
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => setConfirming(rider.id)}
              >
                {signedIn(rider) ? 'Sign out' : 'Remove'}
              </button>
            )}
          </li>
        ))}
      </ul>
      {message ? (
        <p className={message.ok ? 'ok-text' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
          <MessageText text={message.text} />
        </p>
      ) : null}
      {adding ? (
        <AddRider
          onDone={(name) => {
            setAdding(false);
            setMessage({ ok: true, text: `${name} is signed in. Press Sync now to fetch their workouts.` });
          }}
        />
      ) : (
        <div className="save-bar">
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add rider
          </button>
          {demo ? (
            <button type="button" className="button button-quiet" onClick={() => void dropDemo()}>
              Remove demo data
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
