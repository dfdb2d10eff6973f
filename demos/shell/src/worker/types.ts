import type * as tf from '@tensorflow/tfjs';
import type { CreateContext } from '../kit/context';
import type { RunModel } from '../kit/run-model';
import type { DemoInfo, Knobs, Logs, View } from '../protocol';

export type { CreateContext } from '../kit/context';
export type { RunModel } from '../kit/run-model';

/** One model a demo trains, e.g. the GAN, or the Unrolled one of three side by side. */
export interface Run {
  /** Stable key: part of checkpoint names (`indexeddb://${id}/${slot}/${key}`). */
  readonly key: string;
  readonly label: string;
  /** A gandlf `Model`, or an `AdversarialModel` for games of more networks (BiGAN, AAE). */
  readonly model: RunModel;
  /** The network 'Download generator' exports. @default `model.generator` (a gandlf `Model`) */
  readonly generator?: tf.LayersModel;
}

/** A demo's training, built for one set of knobs. The shell drives it one step at a time. */
export interface Trainer {
  readonly runs: readonly Run[];
  /**
   * One training step of every run; resolves to each run's logs, by run key.
   * `only` names the one player each run updates (pass it to `trainOnBatch`
   * as `{ only }`): the step buttons' one-player steps.
   */
  step(only?: string): Promise<Record<string, Logs>>;
  /** The sample view, from a fixed latent batch, so equal weights draw equal pixels. */
  view(): Promise<View>;
  /**
   * Files the user picked or dropped (see `DemoInfo.input`): the trainer takes
   * its data from them. Throw a clear error for bad files; training goes on
   * with the data it had. Resolves to a line for the status bar.
   */
  input?(files: readonly File[]): Promise<string>;
  /**
   * Sample-quality metrics of the current weights by name, e.g. an MNIST
   * demo's Fréchet distance (`@gandlf/demo-shell/mnist-quality`). The shell
   * calls it between steps, at most every `?quality=` seconds: never inside a step.
   */
  quality?(): Promise<Readonly<Record<string, number>>>;
  /** Frees the data and models. */
  dispose(): void;
}

/** The worker side of a demo: its description plus how to build a trainer. */
export interface WorkerDemo<K extends Knobs = Knobs> {
  readonly info: DemoInfo<K>;
  create(knobs: K, context: CreateContext): Promise<Trainer>;
}
