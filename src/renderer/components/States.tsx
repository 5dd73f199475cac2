import type { ReactNode } from 'react';
import type { ApiError } from '../../shared/result';
import { MessageText } from './MessageText';

export function LoadingState({ what }: { what: string }) {
  return (
    <div className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <p>Loading {what}…</p>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      {children}
    </div>
  );
}

/** An error as the server worded it, plus what to do when the cause is the page itself. */
export function ErrorState({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: ApiError;
  onRetry?: () => void;
}) {
  return (
    <div className="state state-error" role="alert">
      <h2>Could not load {what}</h2>
      <p className="state-message">
        <MessageText text={error.message} />
      </p>
      {error.code === 'unauthorized' ? (
        <p className="muted">
          That address ends in <code>#token=…</code>; this tab then remembers it until the tab is closed.
        </p>
      ) : null}
      {onRetry && error.code !== 'unauthorized' ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
