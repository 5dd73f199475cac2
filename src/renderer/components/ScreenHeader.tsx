import type { ReactNode } from 'react';
import { SyncButton } from './SyncButton';

/** The screen's title (focused after navigation so screen readers announce it) and Sync now. */
export function ScreenHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="screen-header">
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      {children ? <div className="screen-meta">{children}</div> : null}
      <SyncButton />
    </header>
  );
}
