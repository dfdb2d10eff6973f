import type * as tf from '@tensorflow/tfjs';
import type { AdversarialModel, Model } from 'gandlf';

/** What a demo run trains and checkpoints: both kinds count steps, save and load whole runs. */
export type RunModel = Model | AdversarialModel;

/**
 * The restored run under `key`, checked to be of the kind the demo trains
 * (a gandlf `Model` or an `AdversarialModel`).
 *
 * @example const model = restoredRun(restored, 'gan', Model);
 */
export function restoredRun<T extends RunModel>(restored: Readonly<Record<string, RunModel>>, key: string, kind: abstract new (...args: never[]) => T): T {
  const m = restored[key];
  if (!m) throw new Error(`The checkpoint has no run '${key}'; it holds ${Object.keys(restored).join(', ')}.`);
  if (!(m instanceof kind)) throw new Error(`Run '${key}' of the checkpoint is not a ${kind.name}.`);
  return m;
}

/** Options of {@link runModel}. */
export interface RunModelOptions<T extends RunModel> {
  /** The run's key in the checkpoint. */
  key: string;
  /** `Model` or `AdversarialModel`. */
  kind: abstract new (...args: never[]) => T;
  /** Seeds the noise of every training batch of a fresh run (a restored run keeps its saved stream). */
  seed: number;
  /** Builds and compiles a fresh model. */
  build(): T;
}

/**
 * The one way a demo gets its model: the context's restored run, or a fresh
 * one, built, compiled and seeded. Free it with its own `dispose()`.
 *
 * @example const model = runModel(context, { key: 'gan', kind: Model, seed: knobs.seed, build: () => ... });
 */
export function runModel<T extends RunModel>(
  context: { readonly restored?: Readonly<Record<string, RunModel>> | undefined; progress(message: string): void },
  { key, kind, seed, build }: RunModelOptions<T>,
): T {
  if (context.restored) return restoredRun(context.restored, key, kind);
  context.progress('Building the networks…');
  const model = build();
  model.setSeed(seed);
  return model;
}

/** The named networks inside a game model (fresh or loaded), e.g. a BiGAN's generator, encoder and discriminator. */
export function layersOf<N extends string>(model: AdversarialModel, names: readonly N[]): Record<N, tf.LayersModel> {
  const base = model.playerModels[0]!;
  return Object.fromEntries(names.map((n) => [n, base.getLayer(n) as tf.LayersModel])) as Record<N, tf.LayersModel>;
}
