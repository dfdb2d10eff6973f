// Sample quality of the MNIST demos (GAN, BiGAN, AAE) along training, scored
// by @gandlf/metrics' committed classifier: Fréchet distance of its features
// to the test set's, digit coverage and mean confidence.
import * as tf from '@tensorflow/tfjs';
import { loadMnistClassifier, mnistQuality, type MnistClassifier, type MnistQuality } from '@gandlf/metrics';
import type { Trainer } from '@gandlf/demo-shell/worker';
import type { Model } from 'gandlf';
import { info as aaeInfo } from '../../demos/aae-mnist/src/config';
import { createTrainer as aaeTrainer } from '../../demos/aae-mnist/src/trainer';
import { info as biganInfo } from '../../demos/bigan-mnist/src/config';
import { createTrainer as biganTrainer } from '../../demos/bigan-mnist/src/trainer';
import { info as ganInfo } from '../../demos/gan-mnist/src/config';
import { createTrainer as ganTrainer } from '../../demos/gan-mnist/src/trainer';
import { trainerContext } from '@gandlf/demo-shell/kit';

const SAMPLE_SEED = 13;

/** The MNIST demos' presets the bench knows, as `demo/preset`. */
export const MNIST_PRESETS: Record<string, { build: (seed: number) => Promise<Trainer> }> = {
  'gan-mnist/mlp': { build: (seed) => ganTrainer({ ...ganInfo.presets.mlp!, seed }, trainerContext().context) },
  'gan-mnist/dcgan': { build: (seed) => ganTrainer({ ...ganInfo.presets.dcgan!, seed }, trainerContext().context) },
  'bigan-mnist/mlp': { build: (seed) => biganTrainer({ ...biganInfo.presets.mlp!, seed }, trainerContext().context) },
  'aae-mnist/mlp': { build: (seed) => aaeTrainer({ ...aaeInfo.presets.mlp!, seed }, trainerContext().context) },
};

/** Metrics at one point of training. */
export interface MnistPoint extends MnistQuality {
  step: number;
  /** Training seconds so far (scoring excluded). */
  seconds: number;
}

/** `n` digits from the run's generator (the decoder, for the AAE), from a N(0, 1) prior as the demos draw them. */
function generate(trainer: Trainer, n: number): tf.Tensor {
  const run = trainer.runs[0]!;
  const generator = run.generator ?? (run.model as Model).generator;
  const latent = generator.inputs[0]!.shape[1]!;
  return tf.tidy(() => generator.predict(tf.randomNormal([n, latent], 0, 1, 'float32', SAMPLE_SEED), { batchSize: 500 }) as tf.Tensor);
}

/**
 * Trains a preset to the last of `checkpoints` (steps) and scores `samples`
 * generated digits at each checkpoint (0 scores the untrained generator).
 */
export async function mnistRun(preset: string, checkpoints: number[], samples: number, seed: number, log: (line: string) => void): Promise<MnistPoint[]> {
  const entry = MNIST_PRESETS[preset];
  if (!entry) throw new Error(`No MNIST preset '${preset}'. Known: ${Object.keys(MNIST_PRESETS).join(', ')}`);
  const classifier: MnistClassifier = await (shared ??= loadMnistClassifier());
  const trainer = await entry.build(seed);
  const points: MnistPoint[] = [];
  let step = 0;
  let seconds = 0;
  try {
    for (const target of [...checkpoints].sort((a, b) => a - b)) {
      const started = performance.now();
      while (step < target) {
        await trainer.step();
        step += 1;
      }
      seconds += (performance.now() - started) / 1000;
      const images = generate(trainer, samples);
      const q = await mnistQuality(images, { classifier });
      images.dispose();
      points.push({ step, seconds, ...q });
      log(`${preset} step ${step}: FD ${q.frechetDistance.toFixed(2)}, ${q.classesCovered}/10 digits, confidence ${q.meanConfidence.toFixed(3)} (${seconds.toFixed(0)} s)`);
    }
    return points;
  } finally {
    trainer.dispose();
  }
}

let shared: Promise<MnistClassifier> | null = null;

/** The reference: the same metrics on `samples` real test digits (the floor a generator can reach). */
export async function mnistReference(samples: number, split: 'train' | 'test'): Promise<MnistQuality> {
  const { loadMnistNode } = await import('@gandlf/datasets/node');
  const data = await loadMnistNode({ split, range: [-1, 1], limit: samples });
  const images = tf.tensor2d(data.images, [data.count, 784]);
  try {
    return await mnistQuality(images, { classifier: await (shared ??= loadMnistClassifier()) });
  } finally {
    images.dispose();
  }
}
