import type { FakeStats, FaultKind } from './types';

/** Counters the benchmarks and tests read; admin calls are never counted. */
export type StatsRecorder = {
  request(pattern: string, api: boolean, platformWeb: boolean): void;
  /** Marks a request open for `token`; false when that token already has `max` open (the caller answers 429). */
  enter(token: string, max: number): boolean;
  leave(token: string): void;
  fault(kind: FaultKind): void;
  tokenIssued(refresh: boolean): void;
  snapshot(): FakeStats;
  reset(): void;
};

const empty = (): FakeStats => ({
  requests: 0,
  byPath: {},
  maxInFlightPerToken: 0,
  inFlightRejections: 0,
  tokensIssued: 0,
  refreshes: 0,
  faultsInjected: 0,
  byFault: {},
  withoutPlatformHeader: 0,
});

export function createStats(): StatsRecorder {
  let s = empty();
  const inFlight = new Map<string, number>();
  return {
    request(pattern, api, platformWeb) {
      s.requests++;
      s.byPath[pattern] = (s.byPath[pattern] ?? 0) + 1;
      if (api && !platformWeb) s.withoutPlatformHeader++;
    },
    enter(token, max) {
      const open = (inFlight.get(token) ?? 0) + 1;
      s.maxInFlightPerToken = Math.max(s.maxInFlightPerToken, open);
      if (open > max) {
        s.inFlightRejections++;
        return false;
      }
      inFlight.set(token, open);
      return true;
    },
    leave(token) {
      const open = (inFlight.get(token) ?? 1) - 1;
      if (open <= 0) inFlight.delete(token);
      else inFlight.set(token, open);
    },
    fault(kind) {
      s.faultsInjected++;
      s.byFault[kind] = (s.byFault[kind] ?? 0) + 1;
    },
    tokenIssued(refresh) {
      s.tokensIssued++;
      if (refresh) s.refreshes++;
    },
    snapshot: () => structuredClone(s),
    reset() {
      s = empty();
    },
  };
}
