// Distinct hues that keep contrast on both the light and the dark background.
const palette = ['#4f6bed', '#f0883e', '#2da44e', '#d63384', '#8b5cf6', '#0ea5b7', '#c69026', '#e5534b'];

export function paletteColor(index: number): string {
  return palette[((index % palette.length) + palette.length) % palette.length] ?? '#4f6bed';
}

/**
 * One colour per rider wherever they appear, indexed by the rider's place in the
 * full rider list, so filtering out a rider never repaints the others.
 */
export function riderColors(
  allRiders: readonly string[],
  shown: readonly string[],
): (rider: string) => string {
  const order = [...allRiders, ...shown.filter((name) => !allRiders.includes(name))];
  return (rider) => paletteColor(Math.max(0, order.indexOf(rider)));
}
