const steps = [5, 10, 20, 25, 50, 100, 200, 250, 500];

/** An axis around the values with round ticks, leaving room right of the last dot for its label. */
export function niceAxis(values: number[]): { domain: [number, number]; ticks: number[] } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const spread = Math.max(max - min, max * 0.1, 1);
  const step = steps.find((s) => spread / s <= 4) ?? 1000;
  const low = Math.max(0, Math.floor((min - spread * 0.1) / step) * step);
  const high = Math.ceil((max + spread * 0.15) / step) * step;
  const ticks = Array.from({ length: Math.round((high - low) / step) + 1 }, (_, i) => low + i * step);
  return { domain: [low, high], ticks };
}
