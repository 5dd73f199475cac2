/**
 * Bucketing UTC instants into days, months, weekdays and hours of an IANA zone,
 * inside SQLite. SQLite knows no zones, so the zone's UTC offsets over the range
 * being queried are computed here (with Intl) and handed to SQL as a CASE over
 * the transition instants: exact across DST changes, and still one GROUP BY.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's offset from UTC, in seconds, at a UTC instant (epoch seconds). */
export function offsetAt(tz: string, epochSec: number): number {
  if (tz === 'UTC' || tz === 'Etc/UTC') return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(epochSec * 1000))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round(asUtc / 1000 - Math.floor(epochSec));
}

export type OffsetSpan = { from: number; offset: number };

const WEEK = 7 * 86400;

/** The offsets in force between two instants: the first span starts at `fromSec`. */
export function offsetSpans(tz: string, fromSec: number, toSec: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [{ from: fromSec, offset: offsetAt(tz, fromSec) }];
  for (let t = fromSec; t < toSec; ) {
    const next = Math.min(t + WEEK, toSec);
    const current = spans[spans.length - 1]?.offset ?? 0;
    const nextOffset = offsetAt(tz, next);
    if (nextOffset !== current) {
      // Binary search for the first second with the new offset.
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(tz, mid) === current) lo = mid;
        else hi = mid;
      }
      spans.push({ from: hi, offset: offsetAt(tz, hi) });
      t = hi;
    } else {
      t = next;
    }
  }
  return spans;
}

/**
 * A SQL expression giving `column` (UTC epoch seconds) shifted to wall-clock
 * seconds in `tz`, valid for instants between fromSec and toSec.
 */
export function localTimeSql(column: string, tz: string, fromSec: number, toSec: number): string {
  const spans = offsetSpans(tz, fromSec, toSec);
  if (spans.length === 1) return `(${column} + ${spans[0]?.offset ?? 0})`;
  const cases = spans
    .slice(1)
    .map((s, i) => `WHEN ${column} < ${s.from} THEN ${spans[i]?.offset ?? 0}`)
    .join(' ');
  return `(${column} + CASE ${cases} ELSE ${spans[spans.length - 1]?.offset ?? 0} END)`;
}

/** The UTC instant (epoch seconds) at which a local day `YYYY-MM-DD` begins in `tz`. */
export function startOfDay(day: string, tz: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) / 1000;
  // The offset at the wall time, then corrected once for a DST change in between.
  let guess = wall - offsetAt(tz, wall);
  guess = wall - offsetAt(tz, guess);
  return guess;
}

/** The local day (`YYYY-MM-DD`) of an instant in `tz`. */
export function dayOf(epochSec: number, tz: string): string {
  return new Date((epochSec + offsetAt(tz, epochSec)) * 1000).toISOString().slice(0, 10);
}

/** The machine's zone, the default for bucketing when nothing else is set. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
