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
} as const satisfies Record<string, KnobSpec>;

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
