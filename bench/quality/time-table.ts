// Renders the time-to-quality runs (results/quality.json, `timeToQuality`) as bench/README.md's table.
import { BAR } from './bar';
import type { TimeRun } from './time-to-quality';
import type { TorchRun } from './torch-reference';

/** What `--only=time` stores: runs by key (`page`, `page-dcgan`, `torch-64`, ...), each with when it ran. */
export type TimeResult = Record<string, (TimeRun | TorchRun) & { date: string }>;

const minutes = (s: number) => `${(s / 60).toFixed(1)} min`;
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');

/** One row per run: what trained where, its step time, and when it first met the bar. */
export function timeTable(result: TimeResult): string {
  const lines = [
    `| run | network | runs on | s / step | first at the bar (FD ≤ ${BAR.frechet}, ≥ ${BAR.digits} digits) | FD, digits there | best FD before it | load (1 min) start / end | date |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [key, run] of Object.entries(result)) {
    const torch = 'width' in run;
    const points = torch
      ? run.points.map((p) => ({ step: p.step, seconds: p.seconds, frechet: p.frechetDistance, digits: p.classesCovered }))
      : run.points.map((p) => ({ step: p.step, seconds: p.seconds, frechet: p.frechet, digits: p.digits }));
    const reached = torch ? run.reached && { step: run.reached.step, seconds: run.reached.seconds, frechet: run.reached.frechetDistance, digits: run.reached.classesCovered } : run.reached;
    const last = points.at(-1);
    const perStep = torch ? run.secondsPerStep : last ? last.seconds / last.step : NaN;
    const before = points.filter((p) => !reached || p.step < reached.step);
    const best = before.length ? Math.min(...before.map((p) => p.frechet)).toFixed(1) : '-';
    const at = reached ? `step ${reached.step}, **${minutes(reached.seconds)}**` : `not in ${last ? `${last.step} steps, ${minutes(last.seconds)}` : 'the run'}`;
    const there = reached ? `${reached.frechet.toFixed(1)}, ${reached.digits}` : last ? `${last.frechet.toFixed(1)}, ${last.digits} (last)` : '-';
    const [network, where, l] = torch
      ? [`DCGAN width ${run.width}`, `PyTorch, ${run.threads} threads`, load(run.load.start) + ' → ' + load(run.load.end)]
      : [key === 'page' ? `\`${run.preset}\` (the page's pick)` : `\`${run.preset}\``, `${run.backend} (${run.detail})`, load(run.load.before) + ' → ' + load(run.load.after)];
    lines.push(`| ${key} | ${network} | ${where} | ${perStep.toFixed(3)} | ${at} | ${there} | ${best} | ${l} | ${run.date.slice(0, 16).replace('T', ' ')} UTC |`);
  }
  return lines.join('\n');
}

/** The page run's curve, one row per score, for the README's reading of it. */
export function curveTable(run: TimeRun): string {
  const lines = ['| step | training min | FD | digits ≥ 5% | confidence |', '|---|---|---|---|---|'];
  for (const p of run.points) lines.push(`| ${p.step} | ${(p.seconds / 60).toFixed(1)} | ${p.frechet.toFixed(1)} | ${p.digits} | ${p.confidence.toFixed(3)} |`);
  return lines.join('\n');
}
