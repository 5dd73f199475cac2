import { Cron } from 'croner';
import type { Services } from '../services';

export type Schedule = {
  /** Runs a sync now if the last scheduled time passed without one (start, resume from sleep). */
  catchUp(): Promise<void>;
  /** Re-reads schedule.dailyAt / schedule.enabled after Settings change. */
  reschedule(): void;
  stop(): void;
};

/** The most recent time the daily schedule was due, at or before `now` (machine local time). */
export function lastDue(dailyAt: string, now: Date): Date {
  const [h = 0, m = 0] = dailyAt.split(':').map(Number);
  const due = new Date(now);
  due.setHours(h, m, 0, 0);
  if (due > now) due.setDate(due.getDate() - 1);
  return due;
}

/**
 * The daily sync inside the desktop app and `spoke serve` (croner, local time),
 * plus catch-up: if the machine slept or was off through the scheduled time, the
 * sync runs as soon as it is awake again. A failure is kept in the run ledger.
 */
export function startDailySchedule(services: Services): Schedule {
  let job: Cron | null = null;
  const settings = () => ({
    enabled: services.settings.get('schedule.enabled') !== false,
    dailyAt: String(services.settings.get('schedule.dailyAt') ?? '06:00'),
  });
  const hasRiders = () =>
    Boolean(services.cache.prepare("SELECT 1 FROM riders WHERE source = 'peloton' LIMIT 1").get());
  const run = async (trigger: 'schedule' | 'startup') => {
    if (!hasRiders()) return;
    try {
      await services.sync({ trigger });
    } catch (error) {
      services.log.warn('scheduled sync did not run', error);
    }
  };
  const reschedule = () => {
    job?.stop();
    job = null;
    const { enabled, dailyAt } = settings();
    if (!enabled) return;
    const [h, m] = dailyAt.split(':');
    job = new Cron(`${Number(m)} ${Number(h)} * * *`, { protect: true }, () => run('schedule'));
  };
  reschedule();
  return {
    async catchUp() {
      const { enabled, dailyAt } = settings();
      if (!enabled) return;
      const last = services.cache
        .prepare<[], { t: number | null }>(
          "SELECT MAX(started_at) AS t FROM sync_runs WHERE status IN ('ok', 'partial')",
        )
        .get();
      const due = lastDue(dailyAt, new Date()).getTime() / 1000;
      if ((last?.t ?? 0) < due) await run('startup');
    },
    reschedule,
    stop() {
      job?.stop();
    },
  };
}
