import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Model } from '../model/model';
import '../node';
// Checkpoints name their penalties and adversarial optimizers; loading one needs its
// module (the package entry imports them all).
import '../penalties/gradient-penalty';
import '../engine/alternating';

// Checkpoints that gandlf wrote before the GAN steps of issue 14 (commit c4b7e11),
// with how their runs continued there: the script that made them trained a small
// MLP GAN one epoch, saved it, loaded it and trained two more epochs.
const FIXTURES = fileURLToPath(new URL('./fixtures/before-issue-14', import.meta.url));

interface Continued {
  history: Record<string, number[]>;
  generator: number[][];
  discriminator: number[][];
  sample: number[];
}

let dir: string;
let expected: Record<string, Continued>;
beforeAll(async () => {
  // Loading must not touch the committed files: work on a copy.
  dir = await mkdtemp(join(tmpdir(), 'gandlf-old-format-'));
  await cp(FIXTURES, dir, { recursive: true });
  expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as Record<string, Continued>;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Equal to the last bit, or (where the step now scores real and fake in one pass, which sums D's gradient in another order) to float rounding. */
function expectSame(got: number[], want: number[], exact: boolean): void {
  if (exact) return void expect(got).toEqual(want);
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(want[i]!)));
}

describe('checkpoints of the format before issue 14', () => {
  it.each([
    ['simultaneous-gp', true],
    ['alternating-n-critic', false],
  ])('%s: loads, and continues as the run did before the redesign (cpu; exactly: %s)', async (name, exact) => {
    const model = await Model.load(`file://${join(dir, name)}`);
    expect(model.adversarial.checkpointMetadata).toEqual({ savedBy: 'gandlf before issue 14 (c4b7e11)' });
    const x = tf.randomNormal([32, 2], 0, 1, 'float32', 3);
    const history = await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 3, batchSize: 8, initialEpoch: model.epoch, verbose: 0 });
    const want = expected[name]!;
    // The seed's metric names, and the same numbers.
    expect(Object.keys(history.history).sort()).toEqual(Object.keys(want.history).sort());
    for (const [k, v] of Object.entries(want.history)) expectSame(history.history[k]!, v, exact);
    expectSame(
      model.generator.getWeights().flatMap((w) => Array.from(w.dataSync())),
      want.generator.flat(),
      exact,
    );
    expectSame(
      model.discriminator.getWeights().flatMap((w) => Array.from(w.dataSync())),
      want.discriminator.flat(),
      exact,
    );
    const sample = model.sample(['normal'], { numSamples: 4, seed: 1 }) as tf.Tensor;
    expectSame(Array.from(sample.dataSync()), want.sample, exact);
    tf.dispose([x, sample]);
    model.dispose();
  });
});
