import { appendFileSync } from 'node:fs';

/**
 * The fault suite's two forms: the short one runs inside `npm test` (one rate per
 * fault kind, a few crash points); `SPOKE_FAULTS=full` runs every rate and 20
 * crash points (`npm run test:faults`).
 */
export const FULL = process.env.SPOKE_FAULTS === 'full';

/** Peloton's and S3's fault rates: all three in the full form, the middle one otherwise. */
export const RATES = FULL ? [0.05, 0.15, 0.3] : [0.15];

export const percent = (rate: number) => `${Math.round(rate * 100)} %`;

/**
 * One row of docs/reliability.md's results table: appended as a JSON line to the
 * file SPOKE_FAULTS_REPORT names, if any.
 */
export function report(row: { fault: string; injected: string; runs: number; result: string }): void {
  const file = process.env.SPOKE_FAULTS_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}
