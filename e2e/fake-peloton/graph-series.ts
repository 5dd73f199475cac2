import type { Prng } from './prng';

const ZONE_LOWS = [0, 120.25, 138.75, 157.25, 175.75];

export type Metric = {
  slug: string;
  display_name: string;
  display_unit: string;
  mean: number;
  digits: number;
  spread: number;
};

export const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function series(prng: Prng, count: number, m: Metric): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const wave = Math.sin((i / Math.max(1, count)) * Math.PI * 8) * m.spread * 0.6;
    const warm = i < count / 10 ? -m.spread : 0;
    out.push(
      Math.max(0, round(m.mean * (1 + wave + warm + prng.range(-m.spread, m.spread) * 0.4), m.digits)),
    );
  }
  return out;
}

/** The `heart_rate` metric with its five zones; only present when a monitor was worn. */
export function heartRateMetric(
  prng: Prng,
  n: number,
  avg: number,
  zones: Record<string, number>,
): Record<string, unknown> {
  const hr: Metric = {
    slug: 'heart_rate',
    display_name: 'Heart Rate',
    display_unit: 'bpm',
    mean: avg,
    digits: 0,
    spread: 0.12,
  };
  const values = series(prng, n, hr);
  return {
    display_name: 'Heart Rate',
    display_unit: 'bpm',
    max_value: values.length ? Math.max(...values) : null,
    average_value: Math.round(avg),
    values,
    slug: 'heart_rate',
    missing_data_duration: prng.int(0, 5),
    zones: ZONE_LOWS.map((low, i) => {
      const high = ZONE_LOWS[i + 1];
      return {
        display_name: `Zone ${i + 1}`,
        slug: `zone${i + 1}`,
        range:
          high === undefined
            ? `${Math.ceil(low)}+ bpm`
            : i === 0
              ? `<${Math.floor(high)} bpm`
              : `${Math.ceil(low)}-${Math.floor(high)} bpm`,
        duration: zones[`heart_rate_z${i + 1}_duration`] ?? 0,
        min_value: Math.ceil(low),
        max_value: high === undefined ? 220 : Math.floor(high) - 1,
      };
    }),
  };
}

export function locationData(prng: Prng, seconds: number[]): Record<string, unknown>[] {
  let lat = 40.7812 + prng.range(-0.01, 0.01);
  let lon = -73.9665 + prng.range(-0.01, 0.01);
  const coordinates = seconds.map(() => {
    lat += prng.range(-0.0002, 0.0003);
    lon += prng.range(-0.0002, 0.0003);
    return { latitude: round(lat, 6), longitude: round(lon, 6), accuracy: round(prng.range(2, 9), 1) };
  });
  return [
    { segment_id: prng.hexId(), segment_start_offset: 0, segment_length: seconds.at(-1) ?? 0, coordinates },
  ];
}

export function splits(
  prng: Prng,
  distance: number,
  elapsed: number,
  metric: boolean,
): Record<string, unknown> {
  const count = Math.max(1, Math.floor(distance));
  const per = elapsed / Math.max(distance, 1);
  return {
    distance_marker_display_unit: metric ? 'km' : 'mi',
    elevation_change_display_unit: metric ? 'm' : 'ft',
    splits: Array.from({ length: count }, (_, i) => ({
      distance_marker: i + 1,
      seconds: Math.round(per * prng.range(0.95, 1.05)),
      elevation_change: prng.int(-5, 15),
      order: i + 1,
      is_best: i === 0,
    })),
  };
}
