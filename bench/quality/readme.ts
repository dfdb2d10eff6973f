// Renders bench/results/quality.json as the tables between the quality markers of bench/README.md.
import { readFile, writeFile } from 'node:fs/promises';
import { summary, type summarise } from './mixtures';
import type { UnrolledRun } from './unrolled';
import type { MnistPoint } from './mnist';
import type { PaperRow } from './papers';
import { curveTable, timeTable, type TimeResult } from './time-table';
import type { TimeRun } from './time-to-quality';

type Summary = ReturnType<typeof summarise>[number];
const README = new URL('../README.md', import.meta.url);
const pct = (x: number) => `${(100 * x).toFixed(x > 0 && x < 0.01 ? 2 : 1)}%`;
const OPT: Record<string, string> = { simultaneous: 'Simultaneous', alternating: 'Alternating', unrolled: 'Unrolled' };

type Session = { date: string; loadBefore: number; args?: string[] };

function mixtureTable(r: { date: string; loadBefore: number; seeds: number; summary: Summary[]; sessions?: Session[] }, papers: PaperRow[]): string {
  const sessions: Session[] = r.sessions ?? [r];
  const when = sessions.map((s) => `${s.date.slice(0, 16).replace('T', ' ')} UTC (load ${s.loadBefore.toFixed(1)} before${s.args?.length ? `; \`${s.args.join(' ')}\`` : ''})`).join(', then ');
  const lines = [
    `Runs of ${when}. ${r.seeds} seeds each, 2,500 points scored. Modes and high-quality (HQ) share: mean ± std over seeds (min); reverse KL: mean.`,
    '',
    '| mixture | preset | optimizer | steps | modes | HQ share | reverse KL | all modes every seed | target (all modes, HQ ≥ 90%, every seed) | s / seed |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const sorted = [...r.summary].sort((a, b) => a.mixture.localeCompare(b.mixture) * -1 || a.source.localeCompare(b.source) || a.preset.localeCompare(b.preset));
  for (const s of sorted) {
    const k = s.mixture === 'grid' ? 25 : 8;
    const name = s.source === 'demo' ? `demo \`${s.preset}\`` : `gandlf \`${s.preset}\``;
    lines.push(
      `| ${s.mixture} (${k}) | ${name} | ${OPT[s.optimizer] ?? s.optimizer}${s.source === 'gandlf' && s.preset !== 'mixtureLatentGan' ? ' (2 D steps)' : ''} | ${s.steps} | ${s.modesCovered.mean.toFixed(1)} ± ${s.modesCovered.std.toFixed(1)} (${s.modesCovered.min}) | ${pct(s.highQualityShare.mean)} ± ${pct(s.highQualityShare.std)} (${pct(s.highQualityShare.min)}) | ${Number.isFinite(s.reverseKL.mean) ? s.reverseKL.mean.toFixed(3) : '∞'} | ${s.allModesEverySeed ? 'yes' : 'no'} | ${s.targetEverySeed ? '**yes**' : 'no'} | ${s.secondsPerSeed.toFixed(0)} |`,
    );
  }
  lines.push(
    '',
    'Published figures (quoted; their networks, training length and trial counts differ from ours):',
    '',
    '| mixture | paper | method | modes | HQ share | reverse KL |',
    '|---|---|---|---|---|---|',
  );
  for (const p of [...papers].sort((a, b) => b.mixture.localeCompare(a.mixture))) {
    lines.push(`| ${p.mixture} | ${p.paper} | ${p.method} | ${p.modes} | ${pct(p.highQualityShare)} | ${p.reverseKL ?? ''} |`);
  }
  return lines.join('\n');
}

function mnistTable(r: { date: string; loadBefore: number; samples: number; reference: MnistPoint; presets: Record<string, MnistPoint[]> }): string {
  const lines = [
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.samples.toLocaleString('en')} generated digits scored at each point (load ${r.loadBefore.toFixed(1)} before).`,
    '',
    '| preset | step | Fréchet distance | digits covered (≥ 5%) | mean confidence | training s |',
    '|---|---|---|---|---|---|',
    `| real training digits (the floor) | - | ${r.reference.frechetDistance.toFixed(2)} | ${r.reference.classesCovered} | ${r.reference.meanConfidence.toFixed(3)} | - |`,
  ];
  for (const [preset, points] of Object.entries(r.presets)) {
    for (const p of points) lines.push(`| \`${preset}\` | ${p.step} | ${p.frechetDistance.toFixed(2)} | ${p.classesCovered} | ${p.meanConfidence.toFixed(3)} | ${p.seconds.toFixed(0)} |`);
  }
  return lines.join('\n');
}

type UnrolledSession = { date: string; loadBefore: number; loadAfter: number; seeds: number; steps: number; depth: number; args: string[]; mixtures: string[] };
type UnrolledResult = { sessions: UnrolledSession[]; runs: UnrolledRun[] };

function unrolledTable(r: UnrolledResult): string {
  const when = r.sessions
    .map((x) => `${x.mixtures.join(' and ')}: ${x.date.slice(0, 16).replace('T', ' ')} UTC (load ${x.loadBefore.toFixed(1)} before, ${x.loadAfter.toFixed(1)} after; \`${x.args.join(' ')}\`)`)
    .join('; ');
  const lines = [
    `Runs of ${when}. 2,500 points scored. Modes and HQ share: mean ± std over seeds (min); reverse KL: mean; ms / step: mean over seeds, of each run alone.`,
    '',
    '| mixture | optimizer | seeds | steps | modes | HQ share | reverse KL | ms / step |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const name = (x: UnrolledRun) => (x.optimizer === 'simultaneous' ? 'Simultaneous' : `Unrolled (${x.depth}), ${x.optimizer === 'unrolled' ? 'first' : 'second'} order`);
  for (const mixture of ['ring', 'grid'] as const) {
    for (const optimizer of ['simultaneous', 'unrolled', 'unrolled-second-order'] as const) {
      const rs = r.runs.filter((x) => x.mixture === mixture && x.optimizer === optimizer);
      if (rs.length === 0) continue;
      const m = summary(rs.map((x) => x.modesCovered));
      const hq = summary(rs.map((x) => x.highQualityShare));
      const kl = summary(rs.map((x) => x.reverseKL ?? Infinity)).mean;
      const ms = summary(rs.map((x) => x.msPerStep)).mean;
      lines.push(
        `| ${mixture} (${mixture === 'grid' ? 25 : 8}) | ${name(rs[0]!)} | ${rs.length} | ${rs[0]!.steps} | ${m.mean.toFixed(1)} ± ${m.std.toFixed(1)} (${m.min}) | ${pct(hq.mean)} ± ${pct(hq.std)} (${pct(hq.min)}) | ${Number.isFinite(kl) ? kl.toFixed(3) : '∞'} | ${ms.toFixed(0)} |`,
      );
    }
  }
  return lines.join('\n');
}

function replace(text: string, marker: string, body: string): string {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`bench/README.md has no ${start} ... ${end} section`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}

/** Rewrites the mixtures and MNIST tables of bench/README.md from the results. */
export async function updateReadme(result: Record<string, unknown>): Promise<void> {
  let text = await readFile(README, 'utf8');
  if (result.mixtures) text = replace(text, 'quality-mixtures:table', mixtureTable(result.mixtures as Parameters<typeof mixtureTable>[0], result.papers as PaperRow[]));
  if (result.unrolled) text = replace(text, 'quality-unrolled:table', unrolledTable(result.unrolled as UnrolledResult));
  if (result.mnist) text = replace(text, 'quality-mnist:table', mnistTable(result.mnist as Parameters<typeof mnistTable>[0]));
  const time = result.timeToQuality as TimeResult | undefined;
  if (time) text = replace(text, 'quality-time:table', timeTable(time));
  if (time?.page) text = replace(text, 'quality-time:curve', curveTable(time.page as TimeRun));
  await writeFile(README, text);
}
