import { type FormEvent, useState } from 'react';
import type { InputOf } from '../../../shared/contract';
import { call } from '../../api/client';
import { MessageText } from '../../components/MessageText';
import { useAppStore } from '../../store/app-store';
import { loadRiders, toApiError } from '../../store/loaders';

/**
 * Sign a rider in. The desktop app opens Peloton's own page; a browser sends email
 * and password once to the Spoke server, which trades them for tokens and keeps no password.
 */
export function AddRider({ onDone }: { onDone: (name: string) => void }) {
  const face = useAppStore((state) => state.data.info.value?.face);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async (input: InputOf<'riders:add'>) => {
    setBusy(true);
    setError(null);
    try {
      const rider = await call('riders:add', input);
      setPassword('');
      void loadRiders();
      onDone(rider.name);
    } catch (problem) {
      setError(toApiError(problem).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add({ method: 'password', email, password });
  };

  return (
    <div className="add-rider">
      {face === 'desktop' ? (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void add({ method: 'browser' })}
        >
          {busy ? 'Waiting for Peloton…' : 'Sign in with Peloton'}
        </button>
      ) : (
        <form className="field-grid" onSubmit={submit} aria-label="Add a rider">
          <label className="field">
            Peloton email
            <input
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label className="field">
            Password
            <input
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <div className="save-bar">
            <button type="submit" className="button" disabled={busy || !email || !password}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
            <span className="muted small">
              Sent once to your Spoke server; only Peloton's tokens are kept, encrypted.
            </span>
          </div>
        </form>
      )}
      {error ? (
        <p className="field-error" role="alert">
          <MessageText text={error} />
        </p>
      ) : null}
    </div>
  );
}
