// Day arithmetic on `YYYY-MM-DD` strings, done in UTC so no local zone or DST shifts a day.
const msPerDay = 86_400_000;

function toTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromTime(toTime(day) + days * msPerDay);
}

/** The same day `months` months earlier or later, clamped to the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromTime(Date.UTC(year, month, Math.min(d, last)));
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(toTime(day)).getUTCDay() + 6) % 7;
}

export function daysBetween(first: string, last: string): number {
  return Math.round((toTime(last) - toTime(first)) / msPerDay);
}

/** `2021-10` → the first and last day of that month. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

/** `2021-W52` → its Monday and Sunday (ISO weeks: week 1 holds 4 January). */
export function weekRange(week: string): { from: string; to: string } {
  const [year = '1970', number = '1'] = week.split('-W');
  const jan4 = `${year}-01-04`;
  const firstMonday = addDays(jan4, -weekdayIndex(jan4));
  const from = addDays(firstMonday, (Number(number) - 1) * 7);
  return { from, to: addDays(from, 6) };
}

// Building an Intl.DateTimeFormat costs far more than using one, and every render
// that needs "today" asks: one formatter per zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string | null): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone: timeZone ?? undefined,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      format = new Intl.DateTimeFormat('en-CA');
    }
    dayFormats.set(key, format);
  }
  return format;
}

/** Today as `YYYY-MM-DD` in a time zone (the viewer's when none is set or it is unknown). */
export function todayIn(timeZone: string | null, now = new Date()): string {
  return dayFormat(timeZone).format(now);
}

/** An ISO instant's day `YYYY-MM-DD` in a time zone. */
export function dayIn(instant: string, timeZone: string | null): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant.slice(0, 10) : todayIn(timeZone, date);
}
