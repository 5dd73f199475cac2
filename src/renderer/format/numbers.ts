const locale = 'en-US';
const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return integer.format(value);
}

export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
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
