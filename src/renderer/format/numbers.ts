const locale = 'en-US';
const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const threeDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

export function formatCount(value: number): string {
  return integer.format(value);
}

export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Output with one decimal, unit included: `178.9 kJ`. */
export function formatKj(value: number): string {
  return `${oneDecimal.format(value)} kJ`;
}

/** One decimal, no unit. */
export function formatOneDecimal(value: number | null): string {
  return value === null ? '–' : oneDecimal.format(value);
}

/** A share as the notebook's table shows it, 3 decimals: `0.238`. */
export function formatProportion(value: number): string {
  return threeDecimals.format(value);
}

export function formatPercent(value: number): string {
  return `${oneDecimal.format(value * 100)} %`;
}

/** The notebook's point labels: `int(avg)`, truncated, not rounded (178.97 → 178). */
export function truncated(value: number): string {
  return String(Math.trunc(value));
}

/**
 * Minutes split for display with small units: `[[7, 'h'], [35, 'min']]`; from 10 hours
 * on, whole hours (`[[96, 'h']]`), as minutes no longer matter at that scale.
 */
export function minutesParts(minutes: number): [number, string][] {
  const total = Math.round(minutes);
  if (total >= 600) return [[Math.round(total / 60), 'h']];
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return [[rest, 'min']];
  return rest === 0
    ? [[hours, 'h']]
    : [
        [hours, 'h'],
        [rest, 'min'],
      ];
}
