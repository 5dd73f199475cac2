import type { Screen } from '../store/routes';

export type ScreenInfo = {
  label: string;
  /** What the screen shows. */
  about: string;
};

export const screenCatalog: Record<Screen, ScreenInfo> = {
  overview: {
    label: 'Overview',
    about: 'Totals per rider, the last sync and the headline charts.',
  },
  riders: {
    label: 'Riders',
    about:
      'Riders side by side: workouts per month, class counts by type, the mix of class types as a ' +
      'butterfly chart, and output by class length as box plots.',
  },
  rider: {
    label: 'Rider',
    about:
      "One rider's trends: monthly output by class length, records, streaks, a calendar heatmap, " +
      'a weekday × hour heatmap and weekly volume.',
  },
  instructors: {
    label: 'Instructors',
    about:
      'Instructors ranked per rider and class length with class counts, a sortable table, and a page ' +
      'per instructor with your output trend in their classes.',
  },
  workouts: {
    label: 'Workouts',
    about:
      'Every workout in a sortable, filterable table. Clicking a point on any chart will land here, ' +
      'filtered to it.',
  },
  sync: {
    label: 'Sync',
    about:
      'Sync now, a progress bar per rider and step, the history of runs with errors explained, and ' +
      'what is still waiting to be uploaded to S3 and Postgres.',
  },
  settings: {
    label: 'Settings',
    about: 'Riders, Postgres, S3, the daily schedule, time zone, units and theme.',
  },
};
