// keras_adversarial's example_rock_paper_scissors.py: two players learn a
// mixed strategy for rock, paper, scissors. Simultaneous (and alternating)
// gradient steps circle around the equilibrium; unrolling the other player
// 30 steps ahead converges to (1/3, 1/3, 1/3).
//   pnpm example examples/keras-adversarial/example_rock_paper_scissors.ts [--tiny] [--epochs N]
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { encodePng } from 'gandlf/node';
import { AdversarialModel, Alternating, Simultaneous, train, Unrolled, type AdversarialOptimizer, type History } from 'gandlf';
import { main, outDir, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { saveCheckpoint, say, writeHistory } from '../support/output';

export const spec: ExampleSpec = {
  name: 'keras-adversarial/example_rock_paper_scissors',
  summary: 'Rock, paper, scissors (keras_adversarial example_rock_paper_scissors.py): Simultaneous and Alternating cycle, Unrolled converges to (1/3, 1/3, 1/3).',
  notes: ['Writes one bar chart per epoch and experiment: <out>/<experiment>/epoch-NNN.png.'],
};

/**
 * The payoff of the first player: P(u beats v) = u0·v2 + u1·v0 + u2·v1 for
 * strategies over (rock, paper, scissors). The Python's `merge(mode=rps)`.
 */
export class RpsPayoff extends tf.layers.Layer {
  static className = 'RpsPayoff';

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return [(inputShape[0] as tf.Shape)[0] ?? null, 1];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [u, v] = inputs as tf.Tensor2D[];
    // v rolled by one, [v2, v0, v1], lines each of u's actions up with the one it beats.
    return tf.tidy(() => tf.sum(tf.mul(u!, tf.concat([v!.slice([0, 2], [-1, 1]), v!.slice([0, 0], [-1, 2])], 1)), 1, true));
  }
}
tf.serialization.registerClass(RpsPayoff);

/** A strategy over (rock, paper, scissors) per player. */
export interface Strategies {
  a: number[];
  b: number[];
}

/** One experiment: its optimizer's name, the strategies at the start of every epoch and after the last, and its losses. */
export interface RpsExperiment {
  name: string;
  /** `strategies[e]` at the start of epoch `e` (as the Python prints them); the last entry is after training. */
  strategies: Strategies[];
  history: History;
}

export interface RpsRun {
  experiments: RpsExperiment[];
  out: string;
  files: string[];
}

/** The four experiments of the Python's `__main__`, in its order. */
export const EXPERIMENTS: ReadonlyArray<{ name: string; optimizer: () => AdversarialOptimizer }> = [
  { name: 'simultaneous', optimizer: () => new Simultaneous() },
  { name: 'alternating', optimizer: () => new Alternating() },
  // UnrolledAdversarialOptimizer(depth_d=30, depth_g=30): both players look ahead.
  { name: 'unrolled', optimizer: () => new Unrolled({ depths: [30, 30] }) },
  // UnrolledAdversarialOptimizer(depth_d=0, depth_g=30): only player a looks ahead.
  { name: 'unrolled_player_a', optimizer: () => new Unrolled({ depths: [30, 0] }) },
];

const ACTIONS = 3;

/** Trains two players with `optimizer`, as the Python's `experiment(opt, path)`. */
export async function experiment(name: string, optimizer: AdversarialOptimizer, options: { epochs: number; seed: number; out: string; verbose?: boolean; files: string[] }): Promise<RpsExperiment> {
  const { epochs, seed, out, verbose, files } = options;
  // Seeded, and the same in every experiment, so all four start from the same strategies (the Python draws each afresh).
  const player = (id: 'a' | 'b', k: number) =>
    tf.layers.dense({
      units: ACTIONS,
      activation: 'softmax',
      name: `player_${id}`,
      useBias: false,
      kernelRegularizer: tf.regularizers.l2({ l2: 1e-2 }),
      kernelInitializer: tf.initializers.glorotUniform({ seed: 2 * seed + k }),
    });
  const playerA = player('a', 1);
  const playerB = player('b', 2);
  const x = tf.input({ shape: [1], name: 'x' });
  const actionA = playerA.apply(x) as tf.SymbolicTensor;
  const actionB = playerB.apply(x) as tf.SymbolicTensor;
  const modelA = tf.model({ inputs: x, outputs: new RpsPayoff({ name: 'rps_a' }).apply([actionA, actionB]) as tf.SymbolicTensor, name: 'model_a' });
  const modelB = tf.model({ inputs: x, outputs: new RpsPayoff({ name: 'rps_b' }).apply([actionB, actionA]) as tf.SymbolicTensor, name: 'model_b' });
  const model = new AdversarialModel({ playerModels: [modelA, modelB], playerParams: [playerA.trainableWeights, playerB.trainableWeights], playerNames: ['a', 'b'] });
  // Each player maximises its chance to win: MAE against a target of 1 is 1 - P(win).
  model.compile({ adversarialOptimizer: optimizer, playerOptimizers: [train.sgd({ lr: 1 }), train.sgd({ lr: 1 })], loss: 'meanAbsoluteError' });
  const paramModel = tf.model({ inputs: x, outputs: [actionA, actionB] });
  const one = tf.ones([1, 1]);
  const dir = join(out, name);
  const strategies: Strategies[] = [];
  const record = async (label: string, png: string) => {
    const [a, b] = tf.tidy(() => paramModel.predict(one) as tf.Tensor[]);
    const s = { a: Array.from(await a!.data()), b: Array.from(await b!.data()) };
    tf.dispose([a!, b!]);
    strategies.push(s);
    say(verbose, `${name} ${label}, A: ${fmt(s.a)}, B: ${fmt(s.b)}`);
    const path = join(dir, png);
    await writeRpsChart(path, s, label);
    files.push(path);
  };
  const batchCount = 5;
  const xs = tf.ones([batchCount, 1]);
  const ys = [tf.ones([batchCount, 1]), tf.ones([batchCount, 1])];
  try {
    const history = await model.fit(xs, ys, {
      epochs,
      batchSize: 1,
      verbose: false,
      seed,
      callbacks: [{ onEpochBegin: (epoch) => record(`Epoch: ${epoch}`, `epoch-${String(epoch).padStart(3, '0')}.png`) }],
    });
    await record('Final', 'final.png');
    await writeHistory(dir, history);
    await writeFile(join(dir, 'strategies.csv'), strategiesCsv(strategies));
    files.push(join(dir, 'history.csv'), join(dir, 'strategies.csv'));
    files.push(await saveCheckpoint(model, dir));
    return { name, strategies, history };
  } finally {
    tf.dispose([one, xs, ...ys]);
    model.dispose();
  }
}

export async function run(options: ExampleOptions = {}): Promise<RpsRun> {
  const { tiny = false, seed = 0, verbose } = options;
  const out = outDir(spec, options);
  // The Python's 120 epochs of 5 batches; unrolled play is within 0.05 of uniform after a handful.
  const epochs = options.epochs ?? (tiny ? 8 : 120);
  const files: string[] = [];
  const experiments: RpsExperiment[] = [];
  for (const e of EXPERIMENTS) experiments.push(await experiment(e.name, e.optimizer(), { epochs, seed, out, verbose, files }));
  say(verbose, `wrote ${files.length} files to ${out}`);
  return { experiments, out, files };
}

function fmt(p: readonly number[]): string {
  return `[${p.map((v) => v.toFixed(4)).join(' ')}]`;
}

function strategiesCsv(rows: readonly Strategies[]): string {
  const head = ['epoch', 'a_rock', 'a_paper', 'a_scissors', 'b_rock', 'b_paper', 'b_scissors'].join(',');
  return [head, ...rows.map((s, e) => [e === rows.length - 1 ? 'final' : e, ...s.a, ...s.b].join(','))].join('\n') + '\n';
}

// The bar chart: the Python's rps_chart, drawn into an RGBA buffer.

// 3x5 glyphs, row by row, for the few characters the chart writes.
const GLYPHS: Record<string, string> = {
  A: '.#.#.#####.##.#',
  B: '##.#.###.#.###.',
  C: '.###..#..#...##',
  E: '####..##.#..###',
  F: '####..##.#..#..',
  H: '#.##.#####.##.#',
  I: '###.#..#..#.###',
  K: '#.##.###.#.##.#',
  L: '#..#..#..#..###',
  N: '##.#.##.##.##.#',
  O: '.#.#.##.##.#.#.',
  P: '##.#.###.#..#..',
  Q: '.#.#.##.###..##',
  R: '##.#.###.#.##.#',
  S: '.###...#...###.',
  U: '#.##.##.##.####',
  Y: '#.##.#.#..#..#.',
  ':': '....#.....#....',
  '.': '.............#.',
  '0': '####.##.##.####',
  '1': '.#.##..#..#.###',
  '2': '##...#.#.#..###',
  '3': '##...#.#...###.',
  '4': '#.##.####..#..#',
  '5': '####..##...###.',
  '6': '.###..####.####',
  '7': '###..#.#..#..#.',
  '8': '####.#####.####',
  '9': '####.####..###.',
};

type Rgb = readonly [number, number, number];
const RED: Rgb = [255, 0, 0]; // matplotlib's 'r', player A
const GREEN: Rgb = [0, 128, 0]; // matplotlib's 'g', player B

/** A 480x360 bar chart of both strategies, frequencies on [0, 1], as RGBA bytes. */
export function rpsChart(s: Strategies, title: string): { rgba: Uint8Array; width: number; height: number } {
  const [width, height] = [480, 360];
  const rgba = new Uint8Array(width * height * 4).fill(255);
  const rect = (x0: number, y0: number, w: number, h: number, c: Rgb) => {
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(height, Math.round(y0 + h)); y++) {
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(width, Math.round(x0 + w)); x++) rgba.set(c, (y * width + x) * 4);
    }
  };
  const text = (str: string, x: number, y: number, scale = 2) => {
    for (const ch of str.toUpperCase()) {
      const g = GLYPHS[ch] ?? ''; // unknown characters (and spaces) stay blank
      for (let k = 0; k < g.length; k++) if (g[k] === '#') rect(x + (k % 3) * scale, y + Math.floor(k / 3) * scale, scale, scale, [0, 0, 0]);
      x += 4 * scale;
    }
  };
  const textWidth = (str: string, scale = 2) => str.length * 4 * scale - scale;
  const [left, right, top, bottom] = [50, width - 20, 50, height - 50];
  const yOf = (v: number) => bottom - v * (bottom - top);
  for (const v of [0.25, 0.5, 0.75, 1]) rect(left, yOf(v), right - left, 1, [220, 220, 220]);
  for (const [v, label] of [
    [0, '0'],
    [0.5, '0.5'],
    [1, '1'],
  ] as const) {
    rect(left - 5, yOf(v), 5, 1, [0, 0, 0]);
    text(label, left - 9 - textWidth(label), yOf(v) - 5);
  }
  const group = (right - left) / ACTIONS;
  const bar = 0.35 * group; // the Python's width 0.35 per unit, pad 1 - 2·0.35 split on both sides
  ['Rock', 'Paper', 'Scissors'].forEach((label, i) => {
    const x0 = left + i * group + 0.15 * group;
    const a = Math.min(1, Math.max(0, s.a[i] ?? 0));
    const b = Math.min(1, Math.max(0, s.b[i] ?? 0));
    rect(x0, yOf(a), bar, bottom - yOf(a), RED);
    rect(x0 + bar, yOf(b), bar, bottom - yOf(b), GREEN);
    text(label, x0 + bar - textWidth(label) / 2, bottom + 12);
  });
  rect(left, top, 1, bottom - top + 1, [0, 0, 0]);
  rect(left, bottom, right - left, 1, [0, 0, 0]);
  text(title, (width - textWidth(title)) / 2, 10);
  text('Frequency', 8, top - 22);
  // The legend, as the Python's: Player A red, Player B green.
  rect(right - 190, top - 24, 12, 12, RED);
  text('Player A', right - 172, top - 23);
  rect(right - 90, top - 24, 12, 12, GREEN);
  text('Player B', right - 72, top - 23);
  return { rgba, width, height };
}

async function writeRpsChart(path: string, s: Strategies, title: string): Promise<void> {
  const { rgba, width, height } = rpsChart(s, title);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, encodePng(rgba, width, height));
}

await main(import.meta, spec, run);
