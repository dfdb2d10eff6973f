import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logs, View } from '@gandlf/demo-shell/protocol';
import { encodePng } from 'gandlf/node';
import { runMetrics, type TrainerQuality } from './metrics';
import { rasterize } from './raster';

/** One training step's logs, by run key, as the worker posts them. */
export interface HistoryEntry {
  readonly step: number;
  readonly logs: Readonly<Record<string, Logs>>;
}

/** `history.csv`: a `step` column, then one `<run>/<metric>` column per run and metric (blank where a step has none). */
export function historyCsv(history: readonly HistoryEntry[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const { logs } of history) {
    for (const [run, l] of Object.entries(logs)) {
      for (const metric of Object.keys(l)) {
        const c = `${run}/${metric}`;
        if (!seen.has(c)) {
          seen.add(c);
          columns.push(c);
        }
      }
    }
  }
  const rows = history.map(({ step, logs }) => [
    String(step),
    ...columns.map((c) => {
      const [run, metric] = c.split('/') as [string, string];
      const v = logs[run]?.[metric];
      return v === undefined ? '' : String(v);
    }),
  ]);
  return [['step', ...columns], ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

/** Writes a run's files into one folder: grids as they come, the rest at the end. */
export class OutputWriter {
  constructor(readonly dir: string) {}

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  /** `grid-step<N>.png`: the view as the page draws it. Resolves to the file's path. */
  async grid(step: number, view: View): Promise<string> {
    const { width, height, pixels } = rasterize(view);
    const path = join(this.dir, `grid-step${step}.png`);
    await writeFile(path, encodePng(pixels, width, height));
    return path;
  }

  /** `history.json`, `history.csv`, `metrics.json` (the trainer's `quality`, else from the last view; see runMetrics) and `run.json` (what ran where, how fast). */
  async finish(history: readonly HistoryEntry[], lastView: View, run: Record<string, unknown>, quality?: TrainerQuality): Promise<void> {
    await writeFile(join(this.dir, 'history.json'), JSON.stringify(history));
    await writeFile(join(this.dir, 'history.csv'), historyCsv(history));
    await writeFile(join(this.dir, 'metrics.json'), JSON.stringify({ step: history[history.length - 1]?.step ?? 0, ...runMetrics(lastView, quality) }, null, 2));
    await writeFile(join(this.dir, 'run.json'), JSON.stringify(run, null, 2));
  }
}
