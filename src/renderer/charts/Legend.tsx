export type LegendItem = { key: string; label: string; color: string; note?: string };

/** A chart's key, as HTML so it wraps and reads well for screen readers. */
export function Legend({ items, label }: { items: LegendItem[]; label: string }) {
  return (
    <ul className="legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <span className="swatch" style={{ background: item.color }} aria-hidden="true" data-export-swatch />
          <span data-export-text>{item.label}</span>
          {item.note ? (
            <span className="muted" data-export-text>
              {item.note}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function RiderLegend({ riders, colorOf }: { riders: string[]; colorOf: (rider: string) => string }) {
  return (
    <Legend
      label="Riders"
      items={riders.map((rider) => ({ key: rider, label: rider, color: colorOf(rider) }))}
    />
  );
}
