import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { CheckpointError } from '../errors';
import { listCheckpoints, removeCheckpoint } from '../checkpoint/checkpoint-store';
import { Model } from '../model/model';
import { smallModel, tempDir } from '../test-utils/temp-dir';
import '../node';

const tmp = tempDir('gandlf-fs-');

describe('file:// in Node', () => {
  it('Model.save and Model.load resume a run exactly', async () => {
    const x = tf.randomNormal([32, 2], 0, 1, 'float32', 3);
    const straight = smallModel();
    await straight.fit(['normal', x], ['zeros', 'ones'], { epochs: 2, batchSize: 8, seed: 4 });
    const first = smallModel();
    await first.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 8, seed: 4 });
    const url = `file://${join(tmp(), 'run')}`;
    await first.save(url, { metadata: { user: 'me' } });
    const resumed = await Model.load(url);
    expect(resumed.adversarial.checkpointMetadata).toEqual({ user: 'me' });
    await resumed.fit(['normal', x], ['zeros', 'ones'], { epochs: 2, batchSize: 8, initialEpoch: resumed.epoch });
    const a = straight.generator.getWeights().map((w) => Array.from(w.dataSync()));
    const b = resumed.generator.getWeights().map((w) => Array.from(w.dataSync()));
    expect(b).toEqual(a);
    expect(resumed.adversarial.history.history.loss).toEqual(straight.adversarial.history.history.loss);
    // The same seeded latent batch gives the same samples.
    const sa = straight.sample(['normal'], { numSamples: 4, seed: 1 }) as tf.Tensor;
    const sb = resumed.sample(['normal'], { numSamples: 4, seed: 1 }) as tf.Tensor;
    expect(Array.from(sb.dataSync())).toEqual(Array.from(sa.dataSync()));
    tf.dispose([x, sa, sb]);
  });

  it('lists and removes checkpoints in a directory', async () => {
    const model = smallModel();
    await model.save(`file://${join(tmp(), 'ckpts', 'a')}`);
    await model.save(`file://${join(tmp(), 'ckpts', 'b')}`);
    const prefix = `file://${join(tmp(), 'ckpts')}/`;
    expect(await listCheckpoints(prefix)).toEqual([`${prefix}a`, `${prefix}b`]);
    await removeCheckpoint(`${prefix}a`);
    expect(await listCheckpoints(prefix)).toEqual([`${prefix}b`]);
  });

  it('rejects a corrupt model.json with a clear error', async () => {
    const url = `file://${join(tmp(), 'corrupt')}`;
    await smallModel().save(url);
    const pointer = JSON.parse(await readFile(join(tmp(), 'corrupt', 'model.json'), 'utf8'));
    const target = pointer.userDefinedMetadata.gandlfPointer.target.replace('file://', '');
    await writeFile(join(target, 'model.json'), '{"modelTopology": {tru');
    await expect(Model.load(url)).rejects.toThrowError(CheckpointError);
    await expect(Model.load(url)).rejects.toThrowError(/cannot be read.*JSON/);
  });

  it('shares the generator as a plain tfjs model that tf.loadLayersModel reads with no gandlf code', async () => {
    const model = smallModel();
    const path = join(tmp(), 'generator');
    await model.generator.save(`file://${path}`);
    // Read the files by hand: nothing from gandlf takes part in loading.
    const json = JSON.parse(await readFile(join(path, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    const bin = await readFile(join(path, 'weights.bin'));
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0]!.weights,
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      }),
    );
    const z = tf.randomNormal([3, 3], 0, 1, 'float32', 8);
    const a = model.generator.predict(z) as tf.Tensor;
    const b = loaded.predict(z) as tf.Tensor;
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([z, a, b]);
  });
});
