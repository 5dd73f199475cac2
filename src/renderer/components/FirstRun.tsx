import { useState } from 'react';
import { loadDemo } from '../api/imports';
import { useAppStore } from '../store/app-store';
import { toApiError } from '../store/loaders';
import { ImportCsv } from './ImportCsv';
import { MessageText } from './MessageText';

/** No workouts yet: three ways in, each one step away. */
export function FirstRun() {
  const [demo, setDemo] = useState<'idle' | 'loading' | string>('idle');
  const explore = async () => {
    setDemo('loading');
    try {
      await loadDemo();
      setDemo('idle');
      useAppStore.getState().dataChanged();
    } catch (error) {
      setDemo(toApiError(error).message);
    }
  };

  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title" className="first-run-title">
        Welcome to Spoke
      </h2>
      <p className="muted">
        Your workouts become charts here. Pick one way in; you can add the others later.
      </p>
      <div className="first-run-ways">
        <article className="panel way">
          <h3>Sign in with Peloton</h3>
          <p className="muted">Fetch every workout of your account, then a sync a day keeps it current.</p>
          <a className="button" href="#/settings">
            Add a rider in Settings
          </a>
        </article>
        <article className="panel way">
          <h3>Import a CSV</h3>
          <p className="muted">
            Peloton's “Download Workouts” export, or the original pipeline's <code>all_rides.csv</code>.
          </p>
          <ImportCsv />
        </article>
        <article className="panel way">
          <h3>Explore demo data</h3>
          <p className="muted">
            Two made-up riders and a year and a half of classes. Remove them any time in Settings.
          </p>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void explore()}
            disabled={demo === 'loading'}
          >
            {demo === 'loading' ? 'Loading demo data…' : 'Load demo data'}
          </button>
          {demo !== 'idle' && demo !== 'loading' ? (
            <p role="alert" className="field-error">
              <MessageText text={demo} />
            </p>
          ) : null}
        </article>
      </div>
    </section>
  );
}
