/** One measured figure: what, how much, the target it is held to, and whether it met it. */
export type BenchFigure = {
  name: string;
  value: number;
  unit: string;
  target?: string;
  pass?: boolean;
  note?: string;
};

export type Bench = { title: string; run(): Promise<BenchFigure[]> };
