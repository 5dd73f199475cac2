// One colour per class type wherever it appears. Peloton's slugs (`circuit` is the tread
// bootcamp, `caesar` the rower; see shared/disciplines.ts) get fixed hues
// (chosen to stay apart from each other on light and dark backgrounds); any other
// slug gets a stable colour from its name.
const known: Record<string, string> = {
  cycling: '#3b82f6',
  yoga: '#a855f7',
  strength: '#ef4444',
  stretching: '#14b8a6',
  meditation: '#8b9bb4',
  lanebreak: '#f59e0b',
  bike_bootcamp: '#ec4899',
  cardio: '#f97316',
  running: '#22c55e',
  walking: '#84cc16',
  outdoor: '#0ea5e9',
  circuit: '#d946ef',
  caesar: '#eab308',
  caesar_bootcamp: '#06b6d4',
};

const spare = ['#64748b', '#b45309', '#0f766e', '#7c3aed', '#be123c', '#15803d', '#1d4ed8', '#a16207'];

export function classTypeColor(slug: string): string {
  const fixed = known[slug];
  if (fixed) return fixed;
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return spare[Math.abs(hash) % spare.length] ?? '#64748b';
}

// Class lengths (F7's series): matplotlib's Set1, as the notebook used, by rank of length.
const lengthPalette = [
  '#e41a1c',
  '#377eb8',
  '#4daf4a',
  '#984ea3',
  '#ff7f00',
  '#a65628',
  '#f781bf',
  '#999999',
];
const commonLengths = [5, 10, 15, 20, 30, 45, 60, 75, 90];

/** A class length's colour, the same on every chart and for every rider. */
export function lengthColor(minutes: number): string {
  const index = commonLengths.indexOf(minutes);
  const slot = index >= 2 ? index - 2 : index >= 0 ? index + 6 : minutes;
  return lengthPalette[slot % lengthPalette.length] ?? '#999999';
}
