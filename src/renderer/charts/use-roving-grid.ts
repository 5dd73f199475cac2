import { type KeyboardEvent, useRef, useState } from 'react';

type Cell = readonly [row: number, column: number];

type Options = {
  rows: number;
  columns: number;
  /** False for a hole in the grid (a calendar's days before the first or after the last). */
  exists?: (row: number, column: number) => boolean;
  /** Where Tab first lands. */
  start: Cell;
  /** Enter or Space on a cell: what a click on it does. */
  activate: (row: number, column: number) => void;
};

const steps: Record<string, Cell> = {
  ArrowRight: [0, 1],
  ArrowLeft: [0, -1],
  ArrowDown: [1, 0],
  ArrowUp: [-1, 0],
};

/**
 * The ARIA grid pattern for a heatmap's cells: one tab stop (roving tabindex), arrow
 * keys move between cells (skipping holes), Home/End go to the row's ends, Enter or
 * Space does what a click does. Cells are found by their `data-cell="row:column"`.
 */
export function useRovingGrid({ rows, columns, exists = () => true, start, activate }: Options) {
  const grid = useRef<SVGSVGElement>(null);
  const [active, setActive] = useState<Cell | null>(null);
  const inside = (r: number, c: number) => r >= 0 && r < rows && c >= 0 && c < columns;
  const current: Cell =
    active && inside(active[0], active[1]) && exists(active[0], active[1]) ? active : start;

  const moveTo = (cell: Cell) => {
    setActive(cell);
    grid.current?.querySelector<SVGElement>(`[data-cell="${cell[0]}:${cell[1]}"]`)?.focus();
  };

  /** The next existing cell from `from` in direction `step`, or null at the edge. */
  const walk = (from: Cell, step: Cell): Cell | null => {
    let [r, c] = [from[0] + step[0], from[1] + step[1]];
    while (inside(r, c)) {
      if (exists(r, c)) return [r, c];
      [r, c] = [r + step[0], c + step[1]];
    }
    return null;
  };

  const onKeyDown = (event: KeyboardEvent, row: number, column: number) => {
    const step = steps[event.key];
    let next: Cell | null = null;
    if (step) next = walk([row, column], step);
    else if (event.key === 'Home') next = walk([row, -1], [0, 1]);
    else if (event.key === 'End') next = walk([row, columns], [0, -1]);
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(row, column);
      return;
    } else return;
    event.preventDefault();
    if (next) moveTo(next);
  };

  /** Props for the cell (role="gridcell") at (row, column). */
  const cellProps = (row: number, column: number) => ({
    'data-cell': `${row}:${column}`,
    tabIndex: current[0] === row && current[1] === column ? 0 : -1,
    onKeyDown: (event: KeyboardEvent) => onKeyDown(event, row, column),
    onFocus: () => setActive([row, column]),
  });

  return { grid, cellProps };
}
