export type TooltipItem = { name: string; value: string; color?: string };

/** The body every chart tooltip shares: a title (the date or category), then named values with units. */
export function TooltipBox({ title, items, hint }: { title: string; items: TooltipItem[]; hint?: string }) {
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-label">{title}</p>
      <ul>
        {items.map((item) => (
          <li key={item.name}>
            {item.color ? (
              <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
            ) : null}
            <span className="chart-tooltip-name">{item.name}</span>
            <span className="chart-tooltip-value">{item.value}</span>
          </li>
        ))}
      </ul>
      {hint ? <p className="chart-tooltip-hint muted small">{hint}</p> : null}
    </div>
  );
}
