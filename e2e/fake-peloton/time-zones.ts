/** Time-zone arithmetic for fixtures and the CSV export, on Intl only (no tz database package). */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const nameFormatters = new Map<string, Intl.DateTimeFormat[]>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

type YearTable = { first: number; changes: { at: number; offset: number }[] };
const yearTables = new Map<string, YearTable>();

/** A zone's offset on 1 January (UTC) and every change within that year, found once by bisection. */
function yearTable(zone: string, year: number): YearTable {
  const key = `${zone}@${year}`;
  let table = yearTables.get(key);
  if (table) return table;
  const from = Date.UTC(year, 0, 1) / 1000;
  const to = Date.UTC(year + 1, 0, 1) / 1000;
  table = { first: computeOffset(zone, from), changes: [] };
  let prev = table.first;
  for (let t = from + 86_400; t <= to; t += 86_400) {
    const cur = computeOffset(zone, t);
    if (cur === prev) continue;
    let lo = t - 86_400;
    let hi = t;
    while (hi - lo > 60) {
      const mid = lo + Math.floor((hi - lo) / 120) * 60;
      if (computeOffset(zone, mid) === prev) lo = mid;
      else hi = mid;
    }
    if (hi < to) table.changes.push({ at: hi, offset: cur });
    prev = cur;
  }
  yearTables.set(key, table);
  return table;
}

/** Seconds east of UTC that `zone` is at the instant `epochSec`. */
export function offsetSeconds(zone: string, epochSec: number): number {
  const table = yearTable(zone, new Date(epochSec * 1000).getUTCFullYear());
  let offset = table.first;
  for (const c of table.changes) if (epochSec >= c.at) offset = c.offset;
  return offset;
}

function computeOffset(zone: string, epochSec: number): number {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(new Date(epochSec * 1000))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return Math.round(wall / 1000 - Math.floor(epochSec));
}

/** `Etc/GMT+5` for UTC-5: the POSIX sign is inverted, as in Peloton's newer workouts. */
export function etcZone(offsetSec: number): string {
  const hours = Math.round(-offsetSec / 3600);
  if (hours === 0) return 'Etc/GMT';
  return `Etc/GMT${hours > 0 ? '+' : '-'}${Math.abs(hours)}`;
}

/** `-05`, `+01`, `+05:30`: the numeric form Peloton's CSV uses for zones without an abbreviation. */
export function numericOffset(offsetSec: number): string {
  const sign = offsetSec < 0 ? '-' : '+';
  const abs = Math.abs(offsetSec);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = Math.floor((abs % 3600) / 60);
  return mm === 0 ? `${sign}${hh}` : `${sign}${hh}:${String(mm).padStart(2, '0')}`;
}

/** The zone label of a CSV timestamp: `EDT`/`BST` for named zones, `-05` for `Etc/GMT+5` and the like. */
export function zoneLabel(zone: string, epochSec: number): string {
  const offset = offsetSeconds(zone, epochSec);
  if (zone.startsWith('Etc/') || zone === 'UTC') return numericOffset(offset);
  let formatters = nameFormatters.get(zone);
  if (!formatters) {
    formatters = ['en-US', 'en-GB'].map(
      (locale) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }),
    );
    nameFormatters.set(zone, formatters);
  }
  for (const f of formatters) {
    const name = f.formatToParts(new Date(epochSec * 1000)).find((p) => p.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  return numericOffset(offset);
}

/** `YYYY-MM-DD HH:MM` of the wall clock at `offsetSec` (minute precision, no seconds, as in the export). */
export function wallClock(epochSec: number, offsetSec: number): string {
  return new Date((epochSec + offsetSec) * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Instants (epoch seconds, to the minute) in [from, to) where `zone` changes its UTC offset. */
export function offsetChanges(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  const last = new Date(to * 1000).getUTCFullYear();
  for (let year = new Date(from * 1000).getUTCFullYear(); year <= last; year++) {
    for (const c of yearTable(zone, year).changes) if (c.at >= from && c.at < to) out.push(c.at);
  }
  return out;
}
