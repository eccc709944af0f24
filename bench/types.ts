/** One measured figure. A row with a reference was measured against it in the same run. */
export interface BenchRow {
  suite: string;
  case: string;
  metric: string;
  value: number;
  unit: string;
  reference?: { name: string; value: number };
}

/** Each bench/*.bench.ts module exports a `run` returning its rows. */
export type BenchModule = { run(): Promise<BenchRow[]> };
