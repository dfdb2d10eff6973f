import { describe, expect, it } from 'vitest';
import { AdversarialModel } from '../engine/adversarial-model';
import type { AdversarialOptimizer } from '../engine/adversarial-optimizer';
import { Alternating } from '../engine/alternating';
import { Scheduled } from '../engine/scheduled';
import { Simultaneous } from '../engine/simultaneous';
import { Unrolled } from '../engine/unrolled';
import { allWeights, seededData, seededGan } from '../test-utils/seeded-gan';

const cases: [string, () => AdversarialOptimizer][] = [
  ['Simultaneous', () => new Simultaneous()],
  ['Alternating', () => new Alternating({ steps: { discriminator: 2 } })],
  ['Scheduled', () => new Scheduled(['discriminator', 'discriminator', 'generator'])],
  ['Unrolled', () => new Unrolled({ depth: 3 })],
];

describe('exact resume (cpu, seeded): 2N steps equal N steps, save, load, N steps', () => {
  for (const [name, make] of cases) {
    it(name, async () => {
      const data = seededData();
      const fit = { batchSize: 16, shuffle: true };
      // Uninterrupted: 2 epochs of 3 batches.
      const straight = seededGan(make());
      await straight.fit(data.inputs, data.y, { ...fit, epochs: 2, seed: 9 });

      // Interrupted: 1 epoch, save, load into a fresh model, 1 more.
      const first = seededGan(make());
      await first.fit(data.inputs, data.y, { ...fit, epochs: 1, seed: 9 });
      await first.save(`memory://resume-${name}`);
      const resumed = await AdversarialModel.load(`memory://resume-${name}`);
      expect(resumed.step).toBe(3);
      expect(resumed.epoch).toBe(1);
      await resumed.fit(data.inputs, data.y, { ...fit, epochs: 2, initialEpoch: resumed.epoch });

      const a = allWeights(straight.playerModels[0]!);
      const b = allWeights(resumed.playerModels[0]!);
      expect(b.length).toBe(a.length);
      const maxDiff = Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
      expect(maxDiff).toBeLessThan(1e-6);
      // On cpu the resumed run is in fact bit-identical.
      expect(b).toEqual(a);
      expect(resumed.history.epoch).toEqual([0, 1]);
      for (const [k, values] of Object.entries(straight.history.history)) {
        expect(resumed.history.history[k]!.map((v) => Math.fround(v))).toEqual(values.map((v) => Math.fround(v)));
      }
      expect(resumed.step).toBe(straight.step);
      data.dispose();
    });
  }
});

describe('adversarial optimizers in checkpoints', () => {
  it('a class this program never loaded is named, and can be passed in', async () => {
    class EveryOther extends Alternating {
      override readonly className = 'EveryOther';
    }
    const data = seededData(16);
    const gan = seededGan(new EveryOther());
    await gan.fit(data.inputs, data.y, { epochs: 1, batchSize: 16 });
    await gan.save('memory://custom-adversarial');
    await expect(AdversarialModel.load('memory://custom-adversarial')).rejects.toThrowError(
      /trained with the adversarial optimizer 'EveryOther', which this program has not loaded.*'adversarialOptimizer'/,
    );
    const back = await AdversarialModel.load('memory://custom-adversarial', { adversarialOptimizer: new EveryOther() });
    expect(back.step).toBe(1);
    data.dispose();
  });
});
