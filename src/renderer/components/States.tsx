import type { ReactNode } from 'react';
import type { ApiError } from '../../shared/result';

export function LoadingState({ what }: { what: string }) {
  return (
    <div className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <p>Loading {what}…</p>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <h2>{title}</h2>
      <div className="state-body">{children}</div>
    </div>
  );
}

/** An error as the server worded it, plus what to do when the cause is the page itself. */
export function ErrorState({ what, error, onRetry }: { what: string; error: ApiError; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <h2>Could not load {what}</h2>
      <p className="state-message">{error.message}</p>
      {error.code === 'unauthorized' ? (
        <p className="muted">
          In a browser, open the full address <code>spoke serve</code> printed when it started; it carries
          the access token.
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
