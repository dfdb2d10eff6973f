// Time to quality in PyTorch: the reference for browserTimeToQuality
// (time-to-quality.ts). bench/quality-torch.py trains gan-mnist's DCGAN on the
// CPU and writes 10,000 samples at each checkpoint; here each is scored by
// @gandlf/metrics, the same scorer as the page's, so the two times compare.
// The Python side waits on stdin while a checkpoint is scored: scoring never
// shares the CPU with training, and a run stops once the bar is confirmed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadMnistClassifier, mnistQuality } from '@gandlf/metrics';
import { backends } from 'gandlf';
import { meetsBar } from './bar';

const PY = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('../quality-torch.py', import.meta.url));

/** One scored checkpoint. */
export interface TorchPoint {
  step: number;
  /** Training seconds so far (sample writing and scoring excluded). */
  seconds: number;
  frechetDistance: number;
  classesCovered: number;
  meanConfidence: number;
  classShares: number[];
}

/** A PyTorch run to the bar, or to its step or time limit. */
export interface TorchRun {
  runtime: string;
  width: number;
  threads: number;
  /** PyTorch's seconds per training step, over the whole run. */
  secondsPerStep: number;
  points: TorchPoint[];
  /** The first point at the bar; null: not reached. */
  reached: TorchPoint | null;
  /** The first point from which the bar holds at `confirm` more checkpoints too (a single pass can be noise); null: none. */
  held: TorchPoint | null;
  /** /proc/loadavg (1, 5, 15 min) when training started and ended. */
  load: { start: number[]; end: number[] };
  /** What quality-torch.py wrote in run.json (versions, losses at each checkpoint). */
  python: Record<string, unknown>;
}

/** Options of {@link torchTimeToQuality}. */
export interface TorchOptions {
  /** DCGAN width (the demo's knob): 64 is the dcgan preset, 32 dcgan-small. @default 64 */
  width?: number;
  /** Steps to train when `checkpoints` is unset. @default 3000 */
  steps?: number;
  /** Steps at which to score; training ends at the last. @default every 250 up to `steps` */
  checkpoints?: number[];
  /** PyTorch's threads. @default 2 */
  threads?: number;
  seed?: number;
  /** The GAN step: gandlf's default (the demo's), or its Alternating (G first; `alternating-d-first`: D first). @default 'simultaneous' */
  step?: 'simultaneous' | 'alternating' | 'alternating-d-first';
  /** Decay of a moving average of G's weights that draws the samples (the demo's `ema` knob); 0 is off. @default 0 */
  ema?: number;
  /** Checkpoints after one at the bar that must meet it too before the run stops. @default 2 */
  confirm?: number;
  /** Stop at the first checkpoint past this many training seconds. @default Infinity */
  limitSeconds?: number;
  /** Where the samples go; a fresh temporary folder when unset (removed afterwards). */
  out?: string;
  log?: (line: string) => void;
}

const atBar = (p: TorchPoint) => meetsBar(p.frechetDistance, p.classesCovered);

/** Trains the DCGAN in PyTorch, scoring each checkpoint, until the bar holds for `confirm` more checkpoints or a limit. */
export async function torchTimeToQuality(options: TorchOptions = {}): Promise<TorchRun> {
  const { width = 64, steps = 3000, threads = 2, seed = 1, step = 'simultaneous', ema = 0, confirm = 2, limitSeconds = Infinity, log = console.log } = options;
  const checkpoints = [...(options.checkpoints ?? Array.from({ length: Math.floor(steps / 250) }, (_, i) => 250 * (i + 1)))].sort((a, b) => a - b);
  const last = checkpoints[checkpoints.length - 1] ?? 0;
  if (spawnSync(PY, ['-c', 'import torch'], { encoding: 'utf8' }).status !== 0) {
    throw new Error(`${PY} cannot import torch: apt-get install -y python3-torch libopenblas0-pthread`);
  }
  // Scored on tfjs wasm, like the rest of the quality bench (tfjs's cpu backend would take minutes a checkpoint).
  if (tf.getBackend() !== 'wasm') await backends.pickBackend({ prefer: ['wasm'] });
  const classifier = await loadMnistClassifier();
  const out = options.out ?? (await mkdtemp(join(tmpdir(), 'gandlf-torch-')));
  const args = [
    SCRIPT,
    `--width=${width}`,
    `--steps=${last}`,
    `--checkpoints=${checkpoints.join(',')}`,
    `--threads=${threads}`,
    `--seed=${seed}`,
    `--step=${step}`,
    `--ema=${ema}`,
    `--out=${out}`,
    '--wait',
  ];
  const child = spawn(PY, args, { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } });
  child.stdin.on('error', () => {}); // a write racing the script's exit: nothing is waiting for it
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const points: TorchPoint[] = [];
  let reached: TorchPoint | null = null;
  let held: TorchPoint | null = null;
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      if (!line.startsWith('{')) {
        log(line);
        continue;
      }
      const c = JSON.parse(line) as { step: number; seconds: number; file: string };
      const t0 = performance.now();
      const bytes = await readFile(c.file);
      // Copied out: a Buffer's offset into its ArrayBuffer need not be 4-aligned.
      const images = tf.tensor2d(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), [bytes.byteLength / 3136, 784]);
      const q = await mnistQuality(images, { classifier }).finally(() => images.dispose());
      if (!options.out) await rm(c.file);
      const p: TorchPoint = { step: c.step, seconds: c.seconds, frechetDistance: q.frechetDistance, classesCovered: q.classesCovered, meanConfidence: q.meanConfidence, classShares: q.classShares };
      points.push(p);
      if (!reached && atBar(p)) reached = p;
      log(
        `  w${width} step ${p.step} at ${p.seconds.toFixed(1)} s: FD ${p.frechetDistance.toFixed(1)}, ${p.classesCovered} digits, confidence ${p.meanConfidence.toFixed(3)} (scored in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
      const recent = points.slice(-(confirm + 1));
      if (!held && recent.length === confirm + 1 && recent.every(atBar)) held = recent[0]!;
      // The script reads one line after each checkpoint but the last (it exits there on its own).
      if (c.step < last) child.stdin.write(held || p.seconds >= limitSeconds ? 'stop\n' : 'go\n');
    }
    const code = await exited;
    if (code !== 0) throw new Error(`quality-torch.py exited with ${code}`);
    const python = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as Record<string, unknown> & { torch: string; threads: number; loadStart: number[]; loadEnd: number[] };
    const end = points[points.length - 1];
    return {
      runtime: `PyTorch ${python.torch} on the CPU, ${python.threads} threads`,
      width,
      threads: python.threads,
      secondsPerStep: end && end.step > 0 ? end.seconds / end.step : NaN,
      points,
      reached,
      held,
      load: { start: python.loadStart, end: python.loadEnd },
      python,
    };
  } finally {
    if (child.exitCode === null) child.kill();
    if (!options.out) await rm(out, { recursive: true, force: true });
  }
}

// `node bench/quality.mjs bench/quality/torch-reference.ts [--width=64] [--steps=3000] [--every=250]
//   [--threads=2] [--step=simultaneous] [--ema=0] [--confirm=2] [--limit=12] (training minutes) [--out=DIR] (keeps the samples)`: one run, printed as JSON.
if (process.argv[2]?.endsWith('torch-reference.ts')) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const steps = Number(arg('steps') ?? 3000);
  const every = Number(arg('every') ?? 250);
  const out = arg('out');
  const run = await torchTimeToQuality({
    width: Number(arg('width') ?? 64),
    steps,
    checkpoints: Array.from({ length: Math.floor(steps / every) }, (_, i) => every * (i + 1)),
    threads: Number(arg('threads') ?? 2),
    step: (arg('step') ?? 'simultaneous') as TorchOptions['step'] & string,
    ema: Number(arg('ema') ?? 0),
    confirm: Number(arg('confirm') ?? 2),
    limitSeconds: Number(arg('limit') ?? Infinity) * 60,
    ...(out ? { out } : {}),
  });
  console.log(JSON.stringify(run));
}
