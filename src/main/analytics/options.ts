import type { FilterOptions } from '../../shared/reports';
import type { Cache } from '../cache/open-cache';
import { cacheSpan, INSTRUCTOR_LABEL_SQL } from './filter';
import { dayOf } from './time-zone';

type Values = Pick<FilterOptions, 'classTypes' | 'lengths' | 'instructors'>;

/** The last distinct values read per cache, and the cache's state when they were read. */
const memo = new WeakMap<Cache, { version: string; values: Values }>();

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * What the filter controls can offer: the class types, class lengths and
 * instructor labels (as reports label them) in the cache, and the first and
 * last local day in `tz` with a workout. The days are two index lookups. No
 * index holds the other columns, so they take one scan of the table (three
 * DISTINCT aggregates in the same pass), kept until the cache changes: this
 * connection's writes (total_changes) or another's commits (data_version).
 */
export function filterOptions(db: Cache, tz: string): FilterOptions {
  const span = cacheSpan(db);
  return {
    ...distinctValues(db),
    firstDay: span ? dayOf(span.lo, tz) : null,
    lastDay: span ? dayOf(span.hi, tz) : null,
  };
}

function distinctValues(db: Cache): Values {
  const state = db.prepare<[], { changes: number }>('SELECT total_changes() AS changes').get();
  const version = `${db.pragma('data_version', { simple: true })}:${state?.changes ?? 0}`;
  const cached = memo.get(db);
  if (cached?.version === version) return copy(cached.values);
  const row = db
    .prepare<[], { classTypes: string; lengths: string; instructors: string }>(
      `SELECT json_group_array(DISTINCT w.class_type) AS classTypes,
              json_group_array(DISTINCT w.length_min) AS lengths,
              json_group_array(DISTINCT ${INSTRUCTOR_LABEL_SQL}) AS instructors
         FROM workouts w`,
    )
    .get();
  const parse = <T>(json: string | undefined): T[] => (json ? (JSON.parse(json) as T[]) : []);
  const values: Values = {
    classTypes: parse<string>(row?.classTypes).sort(collator.compare),
    lengths: parse<number>(row?.lengths).sort((a, b) => a - b),
    instructors: parse<string>(row?.instructors).sort(collator.compare),
  };
  memo.set(db, { version, values });
  return copy(values);
}

const copy = (v: Values): Values => ({
  classTypes: [...v.classTypes],
  lengths: [...v.lengths],
  instructors: [...v.instructors],
});
