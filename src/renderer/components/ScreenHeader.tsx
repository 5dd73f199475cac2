import type { ReactNode } from 'react';

/** The screen's title; focused after navigation so screen readers announce the new screen. */
export function ScreenHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="screen-header">
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      {children ? <div className="screen-meta">{children}</div> : null}
    </header>
  );
}
