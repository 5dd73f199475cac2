import { type ReactNode, useRef, useState } from 'react';
import type { ApiError } from '../../shared/result';
import { DataSpan } from '../components/NoMatch';
import { ErrorState, LoadingState } from '../components/States';
import { toCsv } from '../format/csv';
import { chartToPng, downloadBlob, exportName } from './export-image';

type Props = {
  title: string;
  /** The figure's accessible name, when it should say more than the title. */
  label?: string;
  subtitle?: ReactNode;
  testId: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ApiError | null;
  onRetry?: () => void;
  /** True when the chart has something to draw; false shows `empty`. */
  ready: boolean;
  empty?: ReactNode;
  /** The rows the chart was drawn from, for "CSV". */
  rows: readonly object[];
  /** Tables export CSV only. */
  image?: boolean;
  className?: string;
  children: ReactNode;
};

/** A chart's frame: title, PNG and CSV export, and its loading, error and empty states. */
export function ChartPanel(props: Props) {
  const { title, subtitle, testId, status, error, ready, rows, image = true } = props;
  const body = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const hasData = ready && rows.length > 0;

  const downloadPng = async () => {
    setExportError(null);
    try {
      if (body.current) downloadBlob(await chartToPng(body.current, title), `${exportName(title)}.png`);
    } catch (problem) {
      setExportError(`Could not make the PNG: ${(problem as Error).message}.`);
    }
  };
  const downloadCsv = () =>
    downloadBlob(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), `${exportName(title)}.csv`);

  return (
    <figure
      className={`panel chart-panel ${props.className ?? ''}`}
      aria-label={props.label ?? title}
      data-testid={testId}
      aria-busy={status === 'loading'}
    >
      <figcaption className="panel-head panel-head-row">
        <div>
          <h2>{title}</h2>
          {subtitle ? <p className="muted">{subtitle}</p> : null}
        </div>
        {hasData ? (
          <div className="chart-actions">
            {image ? (
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={`Download ${title} as PNG`}
                onClick={() => void downloadPng()}
              >
                PNG
              </button>
            ) : null}
            <button
              type="button"
              className="button button-quiet button-small"
              aria-label={`Download the data of ${title} as CSV`}
              onClick={downloadCsv}
            >
              CSV
            </button>
          </div>
        ) : null}
      </figcaption>
      {exportError ? (
        <p className="field-error" role="alert">
          {exportError}
        </p>
      ) : null}
      {error && ready ? <ErrorState what="the latest data" error={error} onRetry={props.onRetry} /> : null}
      {!ready ? (
        error ? (
          <ErrorState what={title.toLowerCase()} error={error} onRetry={props.onRetry} />
        ) : (
          <LoadingState what={title.toLowerCase()} />
        )
      ) : rows.length === 0 ? (
        <p className="chart-empty muted">
          {props.empty ?? 'Nothing to show for these filters.'} <DataSpan />
        </p>
      ) : (
        <div className="chart-body" ref={body}>
          {props.children}
        </div>
      )}
    </figure>
  );
}
