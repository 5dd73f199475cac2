export type SortDir = 'asc' | 'desc';
export type Sort<K extends string> = { by: K; dir: SortDir };

type Props<K extends string> = {
  label: string;
  /** The header's full wording when `label` abbreviates it. */
  full?: string;
  column: K;
  sort: Sort<K>;
  onSort: (sort: Sort<K>) => void;
  numeric?: boolean;
};

/** A column header that sorts on click or Enter; aria-sort tells screen readers the order. */
export function SortHeader<K extends string>({ label, full, column, sort, onSort, numeric }: Props<K>) {
  const active = sort.by === column;
  const next: SortDir = active ? (sort.dir === 'asc' ? 'desc' : 'asc') : numeric ? 'desc' : 'asc';
  return (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort({ by: column, dir: next })}
        aria-label={full ? `Sort by ${full}` : undefined}
        title={full}
      >
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** Sorts rows by a key, numbers numerically and text by locale. */
export function sortRows<T>(rows: readonly T[], sort: Sort<string>, value: (row: T) => string | number): T[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return (
      sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)))
    );
  });
}
