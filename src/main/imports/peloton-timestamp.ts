/**
 * Peloton's CSV timestamps: `YYYY-MM-DD HH:MM (ZONE)`, local wall time, where ZONE is
 * an abbreviation (`EDT`) or a numeric offset (`-05`, `+0530`, `+05:30`). Both kinds
 * appear in one file. Abbreviations are converted with the table below, never
 * guessed from the machine's zone.
 */

/**
 * Minutes east of UTC. Ambiguous abbreviations take the meaning for the markets
 * Peloton sells in (US, Canada, UK, Germany, Austria, Australia): `CST` is US Central,
 * `BST` British Summer Time, `AST` Atlantic. `IST` (India, Ireland, Israel) is left
 * out on purpose: such a row is refused with a hint to write a numeric offset.
 */
const ZONES: Record<string, number> = {
  UTC: 0,
  UT: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  MEZ: 60,
  MESZ: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  NST: -210,
  NDT: -150,
  AST: -240,
  ADT: -180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  HDT: -540,
  AWST: 480,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  HKT: 480,
  SGT: 480,
  JST: 540,
  KST: 540,
};

const STAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*\(\s*([^()]*?)\s*\)$/;
const OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

export type PelotonTimestamp = { startTime: number; offsetMinutes: number };

/** Minutes east of UTC for a zone as Peloton writes it, or null when unknown. */
export function zoneOffset(zone: string): number | null {
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = OFFSET.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Parses a timestamp to UTC epoch seconds, or returns why it cannot. */
export function parsePelotonTimestamp(text: string): PelotonTimestamp | { error: string } {
  const m = STAMP.exec(text.trim());
  if (!m) return { error: 'a date and time such as 2023-05-25 05:31 (EDT) or 2023-11-08 12:04 (-06)' };
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return { error: 'a real date and time such as 2023-05-25 05:31 (EDT)' };
  }
  const zone = m[7] ?? '';
  const offsetMinutes = zoneOffset(zone);
  if (offsetMinutes === null) {
    return {
      error: `a known time zone; "${zone}" is not one Spoke can convert, so replace it with its UTC offset such as (+01) or (-05:00)`,
    };
  }
  return { startTime: wall / 1000 - offsetMinutes * 60, offsetMinutes };
}

/** `YYYY-MM-DD HH:MM (±HH[:MM])` for an instant seen at a UTC offset, as Peloton writes newer rows. */
export function formatPelotonTimestamp(startTime: number, offsetMinutes: number | null): string {
  const shown = new Date((startTime + (offsetMinutes ?? 0) * 60) * 1000).toISOString();
  const zone =
    offsetMinutes === null
      ? 'UTC'
      : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}${
          Math.abs(offsetMinutes) % 60 ? `:${pad(Math.abs(offsetMinutes) % 60)}` : ''
        }`;
  return `${shown.slice(0, 10)} ${shown.slice(11, 16)} (${zone})`;
}

/** Minutes east of UTC of an IANA zone at an instant, or null for an unknown zone. */
export function ianaOffset(timeZone: string, startTime: number): number | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(new Date(startTime * 1000));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const wall = Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
    );
    return Math.round((wall / 1000 - Math.floor(startTime)) / 60);
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
