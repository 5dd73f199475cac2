/**
 * An IANA zone's UTC offsets, for bucketing UTC instants into its local days,
 * weeks, months and hours. SQLite knows no zones, so the offsets over the range
 * being queried are computed here (with Intl, once per zone and year) and reach
 * SQL as stretches of one offset (local time = UTC + a constant there), as the
 * instants where local days and months begin, or as a balanced CASE tree over
 * those instants: exact across DST changes.
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

const isUtc = (tz: string) => tz === 'UTC' || tz === 'Etc/UTC';

/** The zone's offset from UTC, in seconds, at a UTC instant (epoch seconds), asking Intl. */
function intlOffsetAt(tz: string, epochSec: number): number {
  if (isUtc(tz)) return 0;
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

const DAY = 86400;
const WEEK = 7 * DAY;

/** A zone's offset at the start of a UTC year and its changes during that year; cached. */
type YearOffsets = { start: number; changes: OffsetSpan[] };
const yearCache = new Map<string, YearOffsets>();

function yearOffsets(tz: string, year: number): YearOffsets {
  const key = `${tz}\u0000${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const from = Date.UTC(year, 0, 1) / 1000;
  const to = Date.UTC(year + 1, 0, 1) / 1000;
  const start = intlOffsetAt(tz, from);
  const changes: OffsetSpan[] = [];
  let current = start;
  if (!isUtc(tz)) {
    for (let t = from; t < to; ) {
      const next = Math.min(t + WEEK, to);
      const nextOffset = intlOffsetAt(tz, next);
      if (nextOffset !== current) {
        // Binary search for the first second with the new offset.
        let lo = t;
        let hi = next;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (intlOffsetAt(tz, mid) === current) lo = mid;
          else hi = mid;
        }
        current = intlOffsetAt(tz, hi);
        if (hi < to) changes.push({ from: hi, offset: current });
        t = hi;
      } else {
        t = next;
      }
    }
  }
  const result = { start, changes };
  yearCache.set(key, result);
  return result;
}

const yearOf = (epochSec: number) => new Date(epochSec * 1000).getUTCFullYear();

/** The zone's offset from UTC, in seconds, at a UTC instant (epoch seconds). */
export function offsetAt(tz: string, epochSec: number): number {
  if (isUtc(tz)) return 0;
  const t = Math.floor(epochSec);
  const { start, changes } = yearOffsets(tz, yearOf(t));
  let offset = start;
  for (const c of changes) {
    if (c.from > t) break;
    offset = c.offset;
  }
  return offset;
}

/** The offsets in force between two instants: the first span starts at `fromSec`. */
export function offsetSpans(tz: string, fromSec: number, toSec: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [{ from: fromSec, offset: offsetAt(tz, fromSec) }];
  if (isUtc(tz)) return spans;
  for (let year = yearOf(fromSec); year <= yearOf(toSec); year++) {
    const { start, changes } = yearOffsets(tz, year);
    const yearStart = Date.UTC(year, 0, 1) / 1000;
    const candidates = [{ from: yearStart, offset: start }, ...changes];
    for (const c of candidates) {
      const last = spans[spans.length - 1] as OffsetSpan;
      if (c.from > fromSec && c.from <= toSec && c.offset !== last.offset) spans.push(c);
    }
  }
  return spans;
}

/** A local day of a zone as the instants it covers, [start, end); `day` counts days from 1970-01-01. */
export type LocalDayRange = { day: number; start: number; end: number };

/**
 * The local days of `tz` that overlap the instants lo..hi, in order, computed
 * from the zone's offset spans (no per-day Intl call): inside a span, a day
 * begins every 86,400 s at local midnight; where an offset change moves the
 * local date (clocks skipping midnight), the change itself begins a day. A
 * change that turns the local date back (none does today) would give one day
 * two ranges, so callers treat `day` as a key, not as unique.
 */
export function localDayRanges(tz: string, lo: number, hi: number): LocalDayRange[] {
  const spans = offsetSpans(tz, lo - 2 * DAY, hi + 2 * DAY);
  const starts: { t: number; day: number }[] = [];
  spans.forEach(({ from, offset }, i) => {
    const to = spans[i + 1]?.from ?? hi + 2 * DAY;
    const previous = spans[i - 1];
    if (!previous) starts.push({ t: from, day: Math.floor((from + offset) / DAY) });
    else if (Math.floor((from - 1 + previous.offset) / DAY) !== Math.floor((from + offset) / DAY)) {
      starts.push({ t: from, day: Math.floor((from + offset) / DAY) });
    }
    for (let t = Math.floor((from + offset) / DAY + 1) * DAY - offset; t < to; t += DAY) {
      starts.push({ t, day: Math.floor((t + offset) / DAY) });
    }
  });
  const out: LocalDayRange[] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const { t, day } = starts[i] as { t: number; day: number };
    const end = (starts[i + 1] as { t: number }).t;
    if (end > lo && t <= hi) out.push({ day, start: t, end });
  }
  return out;
}

/** The UTC instant at which a wall-clock time (seconds, as if UTC) occurs in `tz`. */
export function wallToUtc(wallSec: number, tz: string): number {
  // The offset at the wall time, then corrected once for a DST change in between.
  const guess = wallSec - offsetAt(tz, wallSec);
  return wallSec - offsetAt(tz, guess);
}

/**
 * The UTC instant (epoch seconds) at which a local day `YYYY-MM-DD` begins in `tz`.
 * Where the clocks skip midnight (a DST change at 00:00, as in Santiago), the day
 * begins at the change.
 */
export function startOfDay(day: string, tz: string): number {
  const t = wallToUtc(Date.parse(`${day}T00:00:00Z`) / 1000, tz);
  if (dayOf(t, tz) >= day) return t;
  return offsetSpans(tz, t, t + DAY)[1]?.from ?? t;
}

/** The local day (`YYYY-MM-DD`) of an instant in `tz`. */
export function dayOf(epochSec: number, tz: string): string {
  return new Date((epochSec + offsetAt(tz, epochSec)) * 1000).toISOString().slice(0, 10);
}

/** The machine's zone, the default for bucketing when nothing else is set. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
