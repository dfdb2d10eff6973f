import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdversarialModel } from '../engine/adversarial-model';
import { CheckpointError } from '../errors';
import { saveArtifacts } from '../checkpoint/checkpoint-store';
import { Alternating } from '../engine/alternating';
import { seededGan } from '../test-utils/seeded-gan';
import { expectCleanOutcome } from './expect-clean';
import { FUZZ_RUNS } from './settings';

// Damaged checkpoints: truncated or flipped weight bytes, mangled metadata,
// wrong topology. Loading must refuse them with a CheckpointError (or, for
// damage that leaves the format intact, load), never crash with a TypeError.

describe('fuzz: loading damaged checkpoints', () => {
  it('refuses them cleanly', async () => {
    const gan = seededGan(new Alternating());
    const good = await gan.toArtifacts({ kind: 'AdversarialModel', metadata: {} });
    const bytes = new Uint8Array(good.weightData as ArrayBuffer);
    const meta = good.userDefinedMetadata!.gandlf as unknown as Record<string, unknown>;
    const damage = fc.oneof(
      fc.nat({ max: bytes.length }).map((n) => ({ ...good, weightData: bytes.slice(0, n).buffer })),
      fc.constantFrom('format', 'version', 'players', 'step', 'epoch', 'random', 'adversarialOptimizer', 'history', 'kind').chain((key) =>
        fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(), fc.constant([]), fc.constant({})).map((v) => ({
          ...good,
          userDefinedMetadata: { gandlf: { ...meta, [key]: v } as never },
        })),
      ),
      fc.constantFrom(null, {}, { class_name: 'Model' }, 'garbage').map((t) => ({ ...good, modelTopology: t as never })),
      fc.constantFrom(null, [], [{ name: 'model/0', shape: [1], dtype: 'float32' }]).map((w) => ({ ...good, weightSpecs: w as never })),
    );
    let i = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (artifacts) => {
        const url = `memory://fuzz-${i++}`;
        await saveArtifacts(url, artifacts);
        const outcome = await expectCleanOutcome(() => AdversarialModel.load(url));
        if (outcome !== 'ok') expect(outcome).toBeInstanceOf(CheckpointError);
      }),
      { numRuns: FUZZ_RUNS * 2 },
    );
    expect(tf.memory().numTensors).toBeGreaterThan(0);
  });
});
