/** Charts stay readable and fast up to about this many points per series. */
export const MAX_POINTS = 400;

/**
 * Merges consecutive points into buckets until at most `max` remain, summing the
 * numeric fields named in `sum` and keeping the first point's other fields (its label).
 */
export function downsample<T extends object>(points: T[], sum: (keyof T)[], max = MAX_POINTS): T[] {
  if (points.length <= max) return points;
  const size = Math.ceil(points.length / max);
  const out: T[] = [];
  for (let start = 0; start < points.length; start += size) {
    const bucket = points.slice(start, start + size);
    const merged = { ...bucket[0] } as T;
    for (const key of sum) {
      (merged[key] as number) = bucket.reduce((total, point) => total + Number(point[key] ?? 0), 0);
    }
    out.push(merged);
  }
  return out;
}
