/**
 * Spreadsheet formula injection, and how Spoke's CSV files avoid it while still
 * round-tripping every value.
 *
 * A spreadsheet that opens a CSV runs a cell starting with `=`, `+`, `-` or `@` as a
 * formula, and tab or carriage return can smuggle one past some sanitisers (OWASP's
 * "CSV injection" list). A workout title is free text that Spoke did not write, so:
 *
 * - On export, a field that starts with one of those characters, possibly after some
 *   single quotes, gets one more single quote in front: `=HYPERLINK(...)` is written
 *   as `'=HYPERLINK(...)`, which spreadsheets show as text.
 * - On import, a field that starts with one or more single quotes followed by one of
 *   those characters loses its first single quote.
 *
 * Counting the quotes already there makes this a bijection: `'=x` (a title that really
 * starts with a quote) is written `''=x` and read back as `'=x`. Any other field,
 * including every field of Peloton's own export and of the original pipeline's CSV,
 * is written and read unchanged.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** The field as it must be written to a CSV file. */
export function guardFormula(value: string): string {
  return NEEDS_GUARD.test(value) ? `'${value}` : value;
}

/** The field as it was before {@link guardFormula}. */
export function unguardFormula(value: string): string {
  return value.charCodeAt(0) === 39 && GUARDED.test(value) ? value.slice(1) : value;
}
