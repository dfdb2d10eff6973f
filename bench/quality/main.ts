// `pnpm bench:quality [flags]` (issue 6): see bench/README.md, "Quality". The
// defaults fit the whole run in about an hour and a half on 2 busy cores.
//
//   --only=mixtures|mnist|readme one part (default: both); the other part of
//                                bench/results/quality.json is kept; readme only
//                                re-renders the tables from the JSON
//   --seeds=5                    seeds per mixture run (first-seed, first-seed + 1, ...)
//   --first-seed=1               the first of them (to split seeds over processes)
//   --steps=1000                 steps of each mixtures-demo run
//   --demo=ring@ring,hinge-sn@ring,hinge-sn@grid  mixtures-demo presets @ mixture
//   --gandlf=mixtureLatentGan@ring,mixtureLatentGan@grid  gandlf's mixture presets @ mixture ('' for none)
//   --epochs=N                   epochs of gandlf's presets (default: each preset's own fitArgs)
//   --mnist=gan-mnist/mlp,...    MNIST demo presets
//   --checkpoints=0,500,1000,2000,3000  MNIST steps at which to score
//   --samples=10000              generated digits scored per checkpoint
//   --unrolled=ring,grid         --only=unrolled: the second-order Unrolled table, on these demo presets
//   --unrolled-seeds=3 --unrolled-steps=500 --unrolled-depth=5
//   --only=time                  time to quality (issue 19): --time=page,torch-64,torch-32 (page: gan-mnist's
//                                page in Chromium, auto backend and its own preset; page-<preset>: a named one;
//                                torch-<width>: PyTorch's DCGAN); runs not named keep their committed results.
//                                --time-limit=15 (minutes of training per run)
//   --append                     mixtures: keep the committed runs of other presets, lengths or seeds
//                                (those of the presets, lengths and seeds run now are replaced)
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { backends } from 'gandlf';
import { demoPreset, gandlfPreset, summarise, type MixtureRun } from './mixtures';
import { unrolledRuns, type UnrolledRun } from './unrolled';
import { mnistReference, mnistRun, type MnistPoint } from './mnist';
import { PAPERS } from './papers';
import { updateReadme } from './readme';

const args = new Map(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => [a.slice(2).split('=')[0]!, a.slice(2).split('=').slice(1).join('=')] as const),
);
const flag = (name: string, fallback: string) => args.get(name) ?? fallback;
const list = (name: string, fallback: string) =>
  flag(name, fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const pairs = (name: string, fallback: string) => list(name, fallback).map((p) => p.split('@') as [string, 'ring' | 'grid']);

const only = flag('only', 'mixtures,mnist').split(',');
// The second-order table runs only when asked: it is the slowest part.
const seeds = Number(flag('seeds', '5'));
const firstSeed = Number(flag('first-seed', '1'));
const steps = Number(flag('steps', '1000'));
const RESULTS = new URL('../results/quality.json', import.meta.url);

const backend = await backends.pickBackend({ prefer: ['wasm'] });
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const environment = () => ({ date: new Date().toISOString(), backend, tfjs: tf.version.tfjs, node: process.version, cores: cpus().length, loadBefore: loadavg()[0] });

const result: Record<string, unknown> = { papers: PAPERS };

if (only.includes('mixtures')) {
  const env = environment();
  const runs: MixtureRun[] = [];
  const demo = pairs('demo', 'ring@ring,hinge-sn@ring,hinge-sn@grid');
  const gandlf = pairs('gandlf', 'mixtureLatentGan@ring,mixtureLatentGan@grid');
  for (const [preset, mixture] of gandlf) {
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      const r = await gandlfPreset(preset, mixture, seed, args.has('epochs') ? Number(flag('epochs', '')) : undefined);
      runs.push(r);
      log(`gandlf ${preset} on ${mixture}, seed ${seed}: ${r.modesCovered} modes, ${(100 * r.highQualityShare).toFixed(1)}% HQ, KL ${r.reverseKL.toFixed(3)} (${r.seconds.toFixed(0)} s)`);
    }
  }
  for (const [preset, mixture] of demo) {
    for (let seed = 1; seed <= seeds; seed++) {
      const rows = await demoPreset(preset, mixture, seed, steps);
      runs.push(...rows);
      log(
        `demo ${preset} on ${mixture}, seed ${seed}: ${rows.map((r) => `${r.optimizer} ${r.modesCovered} modes ${(100 * r.highQualityShare).toFixed(1)}% HQ`).join('; ')} (${rows[0]!.seconds.toFixed(0)} s)`,
      );
    }
  }
  const sessions = [{ ...env, seeds, demoSteps: steps, args: process.argv.slice(2) }];
  if (args.has('append')) {
    const before = await readFile(RESULTS, 'utf8').then(
      (t) => (JSON.parse(t) as { mixtures?: { runs: MixtureRun[]; sessions?: unknown[] } }).mixtures,
      () => undefined,
    );
    const key = (r: MixtureRun) => `${r.source}|${r.preset}|${r.mixture}|${r.steps}|${r.seed}`;
    const fresh = new Set(runs.map(key));
    runs.unshift(...(before?.runs ?? []).filter((r) => !fresh.has(key(r))));
    sessions.unshift(...((before?.sessions ?? []) as typeof sessions));
  }
  result.mixtures = { ...env, seeds, demoSteps: steps, sessions, summary: summarise(runs), runs };
}

if (only.includes('unrolled')) {
  const env = environment();
  const seedsU = Number(flag('unrolled-seeds', '3'));
  const stepsU = Number(flag('unrolled-steps', '500'));
  const depth = Number(flag('unrolled-depth', '5'));
  const runs: UnrolledRun[] = [];
  for (const preset of list('unrolled', 'ring,grid') as ('ring' | 'grid')[]) {
    for (let seed = firstSeed; seed < firstSeed + seedsU; seed++) {
      const rows = await unrolledRuns(preset, seed, stepsU, depth);
      runs.push(...rows);
      log(
        `unrolled on ${preset}, seed ${seed}: ${rows.map((r) => `${r.optimizer} ${r.modesCovered} modes ${(100 * r.highQualityShare).toFixed(1)}% HQ ${r.msPerStep.toFixed(0)} ms/step`).join('; ')}`,
      );
    }
  }
  // The mixtures not run now keep their committed runs (the ring and the grid take different lengths).
  const before = await readFile(RESULTS, 'utf8').then(
    (t) => (JSON.parse(t) as { unrolled?: { runs: UnrolledRun[]; sessions: unknown[] } }).unrolled,
    () => undefined,
  );
  const ran = new Set(runs.map((r) => r.mixture));
  const session = { ...env, seeds: seedsU, steps: stepsU, depth, loadAfter: loadavg()[0], args: process.argv.slice(2), mixtures: [...ran] };
  result.unrolled = {
    sessions: [...((before?.sessions ?? []) as { mixtures: string[] }[]).filter((x) => x.mixtures.some((m) => !ran.has(m as 'ring' | 'grid'))), session],
    runs: [...(before?.runs ?? []).filter((r) => !ran.has(r.mixture)), ...runs],
  };
}

if (only.includes('mnist')) {
  const env = environment();
  const checkpoints = list('checkpoints', '0,500,1000,2000,3000').map(Number);
  const samples = Number(flag('samples', '10000'));
  const reference = await mnistReference(samples, 'train');
  log(`reference, ${samples} real training digits: FD ${reference.frechetDistance.toFixed(2)}, ${reference.classesCovered}/10, confidence ${reference.meanConfidence.toFixed(3)}`);
  const presets: Record<string, MnistPoint[]> = {};
  for (const preset of list('mnist', 'gan-mnist/mlp,bigan-mnist/mlp,aae-mnist/mlp')) presets[preset] = await mnistRun(preset, checkpoints, samples, 1, log);
  result.mnist = { ...env, samples, checkpoints, reference: { ...reference, what: `${samples} real MNIST training digits against the test statistics` }, presets };
}

if (only.includes('time')) {
  const { browserTimeToQuality } = await import('./time-to-quality');
  const { torchTimeToQuality } = await import('./torch-reference');
  const limitMinutes = Number(flag('time-limit', '15'));
  const before = await readFile(RESULTS, 'utf8').then(
    (t) => (JSON.parse(t) as { timeToQuality?: Record<string, unknown> }).timeToQuality ?? {},
    () => ({}),
  );
  const runs: Record<string, unknown> = { ...before };
  for (const key of list('time', 'page,torch-64,torch-32')) {
    const date = new Date().toISOString();
    if (key === 'page' || key.startsWith('page-')) {
      const query = key === 'page' ? '' : `preset=${key.slice('page-'.length)}`;
      runs[key] = { ...(await browserTimeToQuality({ query, limitMinutes, log })), date };
    } else if (/^torch-\d+$/.test(key)) {
      runs[key] = { ...(await torchTimeToQuality({ width: Number(key.slice('torch-'.length)), limitSeconds: limitMinutes * 60, log })), date };
    } else throw new Error(`--time: expected page, page-<preset> or torch-<width>. Received: ${key}`);
  }
  result.timeToQuality = runs;
}

// Read the other part only now: the two parts may run at the same time, in two processes.
const previous = await readFile(RESULTS, 'utf8').then(
  (t) => JSON.parse(t) as Record<string, unknown>,
  () => ({}),
);
const merged = { ...previous, ...result };
// JSON has no Infinity: a reverse KL with no high-quality point is stored as null. Summaries are
// recomputed from the runs on every write, so `--only=readme` also refreshes them.
const mixtures = merged.mixtures as { runs: (Omit<MixtureRun, 'reverseKL'> & { reverseKL: number | null })[]; summary: unknown } | undefined;
if (mixtures) mixtures.summary = summarise(mixtures.runs.map((r) => ({ ...r, reverseKL: r.reverseKL ?? Infinity })));
await writeFile(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);
await updateReadme(merged);
log('wrote bench/results/quality.json and the quality tables of bench/README.md');
