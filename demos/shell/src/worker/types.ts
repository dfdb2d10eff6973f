import type * as tf from '@tensorflow/tfjs';
import type { AdversarialModel, Model } from 'gandlf';
import type { DemoInfo, Knobs, Logs, View } from '../protocol';

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

/** What a run trains and checkpoints: both kinds count steps, save and load whole runs. */
export type RunModel = Model | AdversarialModel;

/** A demo's training, built for one set of knobs. The shell drives it one step at a time. */
export interface Trainer {
  readonly runs: readonly Run[];
  /** One training step of every run; resolves to each run's logs, by run key. */
  step(): Promise<Record<string, Logs>>;
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

/** What `create` gets besides the knobs. */
export interface CreateContext {
  /** Models loaded from a checkpoint, by run key: train these instead of fresh ones. */
  readonly restored?: Readonly<Record<string, RunModel>>;
  /** Shows a line in the status bar, e.g. while data downloads. */
  progress(message: string): void;
}

/** The worker side of a demo: its description plus how to build a trainer. */
export interface WorkerDemo<K extends Knobs = Knobs> {
  readonly info: DemoInfo<K>;
  create(knobs: K, context: CreateContext): Promise<Trainer>;
  /** Loads one run's checkpoint. @default `Model.load` (use `AdversarialModel.load` for AdversarialModel runs) */
  load?(url: string): Promise<RunModel>;
}
