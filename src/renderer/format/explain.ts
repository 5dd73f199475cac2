// What to do about an error a sync or an upload reported. The main side words its
// own errors; these hints add the next step for the causes users meet most.
const hints: [RegExp, string][] = [
  [/no peloton rider is signed in/i, 'Add a rider in Settings → Riders, then sync again.'],
  [
    /sign(ed)? in|refresh token|unauthori[sz]ed|\b401\b|expired/i,
    'Sign this rider in again in Settings → Riders.',
  ],
  [
    /\b429\b|rate.?limit|too many requests/i,
    'Peloton is limiting requests: wait a few minutes; the next sync carries on.',
  ],
  [
    /postgres|database|\bpg\b|ECONNREFUSED.*5432/i,
    'Check the Postgres URL in Settings and press Test connection; the rows wait for the next sync.',
  ],
  [
    /\bs3\b|bucket|access ?denied|signature|credential/i,
    'Check the S3 settings and press Test upload; the files wait for the next sync.',
  ],
  [
    /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|network|unreachable|timed? ?out|offline/i,
    'Check the internet connection; the next sync retries.',
  ],
];

export function explainError(message: string): string | null {
  return hints.find(([pattern]) => pattern.test(message))?.[1] ?? null;
}
