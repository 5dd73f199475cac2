import { type ReactNode, useEffect, useRef, useState } from 'react';

type Props = { label: string; summary: string; active: boolean; children: ReactNode; testId?: string };

/**
 * A filter's pop-over: a native <details>, so it opens with Enter or Space and its
 * state is announced; it also closes on Escape and on a click outside it. Its panel is
 * rendered only while open: a filter click re-renders the bar, not every closed list.
 */
export function Dropdown({ label, summary, active, children, testId }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const close = (event: Event) => {
      const details = ref.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        details.open = false;
        details.querySelector('summary')?.focus();
        return;
      }
      if (!details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <div className="filter-field">
      <span className="filter-label" aria-hidden="true">
        {label}
      </span>
      <details
        className="dropdown"
        ref={ref}
        data-testid={testId}
        onToggle={(event) => setOpen(event.currentTarget.open)}
      >
        {/* The click (Enter and Space click too) renders the panel in the frame that opens it. */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: <summary> is natively interactive: it toggles its <details>. */}
        <summary
          className={`chip dropdown-summary${active ? ' chip-active' : ''}`}
          aria-label={`${label}: ${summary}`}
          onClick={() => setOpen(!ref.current?.open)}
        >
          {summary}
          <span className="dropdown-caret" aria-hidden="true">
            ▾
          </span>
        </summary>
        <div className="dropdown-panel">{open ? children : null}</div>
      </details>
    </div>
  );
}

type CheckListProps<T extends string | number> = {
  legend: string;
  options: readonly T[];
  chosen: readonly T[];
  label: (value: T) => ReactNode;
  onChange: (chosen: T[]) => void;
};

/** Checkboxes for a multi-choice filter; none chosen means all. */
export function CheckList<T extends string | number>({
  legend,
  options,
  chosen,
  label,
  onChange,
}: CheckListProps<T>) {
  const toggle = (value: T) =>
    onChange(chosen.includes(value) ? chosen.filter((other) => other !== value) : [...chosen, value]);
  return (
    <fieldset className="check-list">
      <legend className="visually-hidden">{legend}</legend>
      <button
        type="button"
        className="link-button small"
        onClick={() => onChange([])}
        disabled={chosen.length === 0}
      >
        All (clear)
      </button>
      {options.map((value) => (
        <label key={value} className="check">
          <input type="checkbox" checked={chosen.includes(value)} onChange={() => toggle(value)} />
          {label(value)}
        </label>
      ))}
    </fieldset>
  );
}
