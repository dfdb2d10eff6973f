import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { AdversarialModel } from '../engine/adversarial-model';
import { CheckpointError, CheckpointSaveError, CheckpointVersionError, CorruptCheckpointError, InvalidArgumentError } from '../errors';
import { Alternating } from '../engine/alternating';
import { allWeights, seededData, seededGan } from '../test-utils/seeded-gan';
import { listCheckpoints, loadArtifacts, removeCheckpoint, saveArtifacts } from './checkpoint-store';
import { MemoryStore } from './memory-store';

/** A memory store that fails the writes a test picks, like a full or crashing disk. */
class FlakyStore extends MemoryStore {
  failWhen: ((url: string) => Error | null) | null = null;
  removeFails = false;

  override register(): this {
    super.register();
    return this;
  }

  /** Lets removals fail too (old generations that cannot be cleaned up). */
  has(url: string): boolean {
    return this.items.has(url);
  }

  keys(): string[] {
    return [...this.items.keys()];
  }

  protected override async write(url: string, artifacts: tf.io.ModelArtifacts): Promise<void> {
    const err = this.failWhen?.(url);
    if (err) {
      // An interrupted write may leave half an entry behind.
      this.items.set(url, { ...artifacts, weightData: new ArrayBuffer(3) });
      throw err;
    }
    await super.write(url, artifacts);
  }
}

const store = new FlakyStore('flaky').register();

async function trainedGan(steps: number) {
  const gan = seededGan(new Alternating());
  const data = seededData(16);
  for (let i = 0; i < steps; i++) await gan.trainOnBatch([data.inputs[0], data.inputs[1]], data.y);
  data.dispose();
  return gan;
}

describe('atomic saves: a save that fails at any stage leaves the previous checkpoint loadable', () => {
  const stages: [string, (url: string) => boolean][] = [
    ['writing the data', (u) => u.includes('~g')],
    ['switching the pointer', (u) => !u.includes('~g')],
    ['every write', () => true],
  ];
  for (const [stage, match] of stages) {
    it(`fails while ${stage}`, async () => {
      const url = `flaky://atomic-${stage.replace(/ /g, '-')}`;
      const v1 = await trainedGan(1);
      await v1.save(url);
      const expected = allWeights(v1.playerModels[0]!);
      const v2 = await trainedGan(3);
      store.failWhen = (u) => (match(u) ? new Error(`disk died during ${stage}`) : null);
      await expect(v2.save(url)).rejects.toThrowError(CheckpointSaveError);
      await expect(v2.save(url)).rejects.toThrowError(/previous checkpoint of that name is intact/);
      store.failWhen = null;
      const back = await AdversarialModel.load(url);
      expect(allWeights(back.playerModels[0]!)).toEqual(expected);
      expect(back.step).toBe(1);
      // Leftover generations are never listed as checkpoints.
      expect(await listCheckpoints(url)).toEqual([url]);
    });
  }

  it('a full quota gives a clear error and keeps the old checkpoint', async () => {
    const url = 'flaky://quota';
    await (await trainedGan(1)).save(url);
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    store.failWhen = () => quota;
    const err = await (await trainedGan(2)).save(url).catch((e: unknown) => e);
    store.failWhen = null;
    expect(err).toBeInstanceOf(CheckpointSaveError);
    expect((err as CheckpointSaveError).quotaExceeded).toBe(true);
    expect((err as Error).message).toMatch(/storage quota is full/);
    expect((await AdversarialModel.load(url)).step).toBe(1);
  });

  it('a later save replaces the data and frees the old generation', async () => {
    const url = 'flaky://replace';
    await (await trainedGan(1)).save(url);
    await (await trainedGan(2)).save(url);
    expect((await AdversarialModel.load(url)).step).toBe(2);
    expect(
      store
        .keys()
        .filter((k) => k.startsWith(url))
        .sort(),
    ).toEqual([url, `${url}~g2`]);
  });
});

describe('loading rejects bad checkpoints with errors that name the problem', () => {
  it('a newer format version', async () => {
    const gan = await trainedGan(1);
    const artifacts = await gan.toArtifacts({ kind: 'AdversarialModel', metadata: {} });
    const meta = artifacts.userDefinedMetadata!.gandlf as unknown as Record<string, unknown>;
    meta.version = 99;
    await saveArtifacts('memory://newer', artifacts);
    await expect(AdversarialModel.load('memory://newer')).rejects.toThrowError(CheckpointVersionError);
    await expect(AdversarialModel.load('memory://newer')).rejects.toThrowError(/format version 99.*up to 1/);
  });

  it('truncated weights, missing metadata, missing counters', async () => {
    const gan = await trainedGan(1);
    const good = await gan.toArtifacts({ kind: 'AdversarialModel', metadata: {} });
    await saveArtifacts('memory://truncated', { ...good, weightData: (good.weightData as ArrayBuffer).slice(0, 100) });
    await expect(AdversarialModel.load('memory://truncated')).rejects.toThrowError(CorruptCheckpointError);
    await expect(AdversarialModel.load('memory://truncated')).rejects.toThrowError(/weight data holds 100 bytes but the weight specs need \d+/);
    await saveArtifacts('memory://plain', { ...good, userDefinedMetadata: {} });
    await expect(AdversarialModel.load('memory://plain')).rejects.toThrowError(/no gandlf metadata/);
    const meta = { ...(good.userDefinedMetadata!.gandlf as unknown as Record<string, unknown>) };
    delete meta.step;
    await saveArtifacts('memory://nostep', { ...good, userDefinedMetadata: { gandlf: meta as never } });
    await expect(AdversarialModel.load('memory://nostep')).rejects.toThrowError(/'step' counter is missing/);
  });

  it('a missing checkpoint and a URL with no store', async () => {
    await expect(AdversarialModel.load('memory://nothing-here')).rejects.toThrowError(CheckpointError);
    await expect(AdversarialModel.load('memory://nothing-here')).rejects.toThrowError(/No checkpoint could be read from 'memory:\/\/nothing-here'/);
    await expect(AdversarialModel.load('nosuchscheme://x')).rejects.toThrowError(InvalidArgumentError);
    await expect((await trainedGan(0)).save('memory://bad~g1')).rejects.toThrowError(/reserves/);
  });
});

describe('listing, removing, metadata and memory', () => {
  it('lists by prefix, removes with the data, and returns user metadata', async () => {
    const gan = await trainedGan(1);
    await gan.save('memory://runs/a', { metadata: { note: 'first' } });
    await gan.save('memory://runs/b');
    await gan.save('memory://other');
    expect(await listCheckpoints('memory://runs/')).toEqual(['memory://runs/a', 'memory://runs/b']);
    expect((await AdversarialModel.load('memory://runs/a')).checkpointMetadata).toEqual({ note: 'first' });
    await removeCheckpoint('memory://runs/a');
    expect(await listCheckpoints('memory://runs/')).toEqual(['memory://runs/b']);
    await expect(loadArtifacts('memory://runs/a~g1')).rejects.toThrowError(CheckpointError);
    await expect(removeCheckpoint('memory://runs/a')).rejects.toThrowError(/No checkpoint to remove/);
    await expect(listCheckpoints('http://example/')).rejects.toThrowError(/listable scheme/);
  });

  it('leaks no tensors: save frees what it makes; load keeps only the new variables', async () => {
    const gan = await trainedGan(2);
    await gan.save('memory://leak');
    const before = tf.memory().numTensors;
    await gan.save('memory://leak');
    expect(tf.memory().numTensors).toBe(before);
    const vars = () => Object.keys(tf.engine().state.registeredVariables).length;
    const [t0, v0] = [tf.memory().numTensors, vars()];
    const loaded = await AdversarialModel.load('memory://leak');
    expect(tf.memory().numTensors - t0).toBe(vars() - v0);
    expect(loaded.step).toBe(2);
  });

  it('saves to any tfjs IOHandler', async () => {
    let saved: tf.io.ModelArtifacts | null = null;
    const gan = await trainedGan(1);
    await gan.save(
      tf.io.withSaveHandler(async (a) => {
        saved = a;
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) };
      }),
    );
    const back = await AdversarialModel.load(tf.io.fromMemory(saved!));
    expect(allWeights(back.playerModels[0]!)).toEqual(allWeights(gan.playerModels[0]!));
  });
});
