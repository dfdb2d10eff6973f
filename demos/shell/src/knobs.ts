import type { KnobSpec, Knobs } from './protocol';

// The knobs most GAN demos share, so every demo names and explains them the same
// way. A demo lists the ones it shows in its `DemoInfo.knobs`, next to its own.

/** Adversarial optimizers a demo can pick from (gandlf's `Simultaneous`, `Alternating`, `Unrolled`). */
export const ADVERSARIAL_OPTIMIZERS = ['simultaneous', 'alternating', 'unrolled'] as const;
export type AdversarialOptimizerName = (typeof ADVERSARIAL_OPTIMIZERS)[number];

/** GAN losses a demo can pick from; each fixes the discriminator's head and the targets (see `ganLoss`). */
export const GAN_LOSSES = ['binaryCrossentropy', 'hinge', 'meanSquaredError'] as const;
export type GanLossName = (typeof GAN_LOSSES)[number];

export const commonKnobs = {
  lrD: { key: 'lrD', label: 'D learning rate', type: 'number', min: 0, max: 1, help: 'Adam learning rate of the discriminator' },
  lrG: { key: 'lrG', label: 'G learning rate', type: 'number', min: 0, max: 1, help: 'Adam learning rate of the generator' },
  beta1: { key: 'beta1', label: 'Adam β1', type: 'number', min: 0, max: 0.999, help: '0.5 is the DCGAN choice: less momentum keeps the game from oscillating' },
  batchSize: { key: 'batchSize', label: 'Batch size', type: 'number', min: 1, max: 4096, step: 1 },
  adversarialOptimizer: {
    key: 'adversarialOptimizer',
    label: 'Adversarial optimizer',
    type: 'select',
    options: ADVERSARIAL_OPTIMIZERS,
    help: 'Who updates when: both at once, D then G, or G against D unrolled k steps ahead',
  },
  unrollDepth: { key: 'unrollDepth', label: 'Unroll depth', type: 'number', min: 0, max: 20, step: 1, help: 'Steps of D the generator looks ahead (Unrolled only)' },
  loss: {
    key: 'loss',
    label: 'Loss',
    type: 'select',
    options: GAN_LOSSES,
    help: 'binaryCrossentropy: sigmoid D, targets 0/1; hinge: linear D, targets -1/1; meanSquaredError (LSGAN): linear D, targets 0/1',
  },
  sampleEvery: { key: 'sampleEvery', label: 'Draw every (steps)', type: 'number', min: 1, max: 10000, step: 1, help: 'How often the sample view is redrawn' },
  seed: { key: 'seed', label: 'Seed', type: 'number', step: 1, help: 'Seeds the weights, the batches and the noise' },
  latentDim: { key: 'latentDim', label: 'Latent size', type: 'number', min: 1, max: 1024, step: 1 },
  width: { key: 'width', label: 'Width', type: 'number', min: 1, max: 2048, step: 1 },
  gridSize: { key: 'gridSize', label: 'Grid side', type: 'number', min: 1, max: 16, step: 1 },
  split: { key: 'split', label: 'MNIST file', type: 'select', options: ['train', 'test'], help: 'train: 60000 digits (47 MB); test: 10000 (7.8 MB)' },
  limit: { key: 'limit', label: 'Digits (0 = all)', type: 'number', min: 0, step: 1 },
} as const satisfies Record<string, KnobSpec>;

/** The settings every GAN demo has; a demo's knobs are `GanKnobs & { its own }`. */
export type GanKnobs = {
  /** The preset these knobs started from (names checkpoints). */
  preset: string;
  /** Size of the generator's input noise. */
  latentDim: number;
  /** Network width: filters or hidden units, as the demo says. */
  width: number;
  batchSize: number;
  lrD: number;
  lrG: number;
  beta1: number;
  loss: GanLossName;
  adversarialOptimizer: AdversarialOptimizerName;
  /** Steps the Unrolled generator looks ahead. */
  unrollDepth: number;
  /** Redraw the samples every so many steps. */
  sampleEvery: number;
  seed: number;
};

/** The MNIST demos' data: which file, and how much of it. */
export type MnistDataKnobs = {
  split: 'train' | 'test';
  /** Train on the first `limit` digits only; 0 means all. */
  limit: number;
};

/** The usual GAN training settings (DCGAN paper: Adam 2e-4, beta1 0.5, batches of 64), which a demo's defaults start from. */
export const ganDefaults = {
  batchSize: 64,
  lrD: 2e-4,
  lrG: 2e-4,
  beta1: 0.5,
  loss: 'binaryCrossentropy',
  adversarialOptimizer: 'simultaneous', // gandlf's default: both players step on the same batch
  unrollDepth: 5,
  seed: 1,
} as const satisfies Partial<GanKnobs>;

/** The training knobs every GAN demo shows, in the order it shows them; `overrides` relabels one for a demo (e.g. lrG of G+E). */
export function trainingKnobs(overrides: Partial<Record<'batchSize' | 'lrD' | 'lrG' | 'beta1' | 'loss' | 'adversarialOptimizer' | 'unrollDepth', Partial<KnobSpec>>> = {}): KnobSpec[] {
  const { batchSize, lrD, lrG, beta1, loss, adversarialOptimizer, unrollDepth } = commonKnobs;
  return [batchSize, lrD, lrG, beta1, loss, adversarialOptimizer, unrollDepth].map((spec) => ({ ...spec, ...overrides[spec.key] }) as KnobSpec);
}

/**
 * A demo's presets, each the defaults with its overrides and named by its key,
 * and the default one: the preset the defaults name.
 *
 * @example export const info = { id, title, description, ...presetsFrom(defaults, { mlp, tiny }), knobs, ... };
 */
export function presetsFrom<K extends { preset: string }>(defaults: K, overrides: Readonly<Record<string, Partial<K>>>): { presets: Record<string, K>; defaultPreset: string } {
  if (!(defaults.preset in overrides)) throw new Error(`The defaults name preset '${defaults.preset}', which is not among ${Object.keys(overrides).join(', ')}.`);
  return { presets: Object.fromEntries(Object.entries(overrides).map(([name, o]) => [name, { ...defaults, ...o, preset: name }])), defaultPreset: defaults.preset };
}

/** Whether `after` differs from `before` in live knobs only (see `KnobSpec.live`), and in at least one. */
export function onlyLiveKnobsChanged(specs: readonly KnobSpec[], before: Knobs, after: Knobs): boolean {
  const live = new Set(specs.filter((s) => s.live).map((s) => s.key));
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  let changed = false;
  for (const key of keys) {
    if (String(before[key]) === String(after[key])) continue;
    if (!live.has(key)) return false;
    changed = true;
  }
  return changed;
}

/** The test-sized training settings (`?preset=tiny`): narrow nets and small batches, a few ms a step on SwiftShader. */
export const tinyTraining = {
  width: 32,
  batchSize: 16,
  lrD: 2e-3, // large, so the samples visibly change within a few steps
  lrG: 2e-3,
  sampleEvery: 5,
  gridSize: 4,
} as const;

/** `tinyTraining` on 256 MNIST test digits: the 7.8 MB test file downloads faster than the 47 MB training file. */
export const tinyMnist = { ...tinyTraining, split: 'test', limit: 256 } as const;

/** The MNIST demos' data by default: all 60000 training digits. */
export const allMnist = { split: 'train', limit: 0 } as const satisfies MnistDataKnobs;
