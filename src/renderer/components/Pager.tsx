import { formatCount } from '../format/numbers';

type Props = { page: number; pageSize: number; total: number; onPage: (page: number) => void };

/** "51–100 of 721" with previous and next; the page is in the URL, so a reload keeps it. */
export function Pager({ page, pageSize, total, onPage }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label="Pages">
      <p className="muted" aria-live="polite">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
      </p>
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        ← Previous
      </button>
      <span className="small">
        Page {page} of {pages}
      </span>
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next →
      </button>
    </nav>
  );
}
