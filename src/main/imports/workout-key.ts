import { createHash } from 'node:crypto';

/**
 * A title as the matching of Peloton-export rows sees it: Unicode NFC, apostrophes
 * (ASCII and typographic) removed, because the original pipeline stripped them
 * ("Mothers Day Barre"), spaces collapsed, case ignored.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFC')
    .replace(/['\u2019]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The UTC minute (epoch seconds, a multiple of 60) a start time falls in. */
export function utcMinute(startTime: number): number {
  return Math.floor(startTime / 60) * 60;
}

/**
 * The id of a workout known only from Peloton's CSV export, which has no ids: the
 * first 32 hex digits of sha256(rider name, lower-cased; UTC minute; title key),
 * so the same row always gets the same id, and importing a file twice changes
 * nothing. 32 lowercase hex digits, like Peloton's own workout ids.
 */
export function exportWorkoutId(riderName: string, startTime: number, title: string): string {
  const key = `${riderName.trim().toLowerCase()}\n${utcMinute(startTime)}\n${titleKey(title)}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
