import type { BarShapeProps } from 'recharts';
import type { OutputByLengthRow } from '../../shared/reports';

/**
 * Draws one box of a box plot inside the bar recharts laid out from min to max:
 * whisker from min to max with caps, a box from Q1 to Q3 and a thick median line.
 * The bar spans min..max in pixels, so every statistic maps linearly into it.
 */
export function boxShape(stats: (props: BarShapeProps) => OutputByLengthRow | undefined, color: string) {
  return (props: BarShapeProps) => {
    const row = stats(props);
    if (!row) return <g />;
    const { x, y, width, height } = props;
    const span = row.max - row.min;
    const at = (value: number) => (span > 0 ? y + (height * (row.max - value)) / span : y + height / 2);
    const middle = x + width / 2;
    const cap = width / 4;
    const boxTop = at(row.q3);
    const boxHeight = Math.max(at(row.q1) - boxTop, 1.5);
    return (
      <g className="box-shape">
        <line x1={middle} x2={middle} y1={at(row.max)} y2={at(row.min)} stroke={color} strokeWidth={1.5} />
        <line
          x1={middle - cap}
          x2={middle + cap}
          y1={at(row.max)}
          y2={at(row.max)}
          stroke={color}
          strokeWidth={1.5}
        />
        <line
          x1={middle - cap}
          x2={middle + cap}
          y1={at(row.min)}
          y2={at(row.min)}
          stroke={color}
          strokeWidth={1.5}
        />
        <rect
          x={x}
          y={boxTop}
          width={width}
          height={boxHeight}
          fill={color}
          fillOpacity={0.28}
          stroke={color}
          strokeWidth={1.5}
          rx={2}
        />
        <line x1={x} x2={x + width} y1={at(row.median)} y2={at(row.median)} stroke={color} strokeWidth={3} />
      </g>
    );
  };
}
