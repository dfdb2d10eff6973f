import type { Model } from 'gandlf';
import type { DemoInfo, Knobs, Logs, View } from '../protocol';

/** One model a demo trains, e.g. the GAN, or the Unrolled one of three side by side. */
export interface Run {
  /** Stable key: part of checkpoint names (`indexeddb://${id}/${slot}/${key}`). */
  readonly key: string;
  readonly label: string;
  readonly model: Model;
}

/** A demo's training, built for one set of knobs. The shell drives it one step at a time. */
export interface Trainer {
  readonly runs: readonly Run[];
  /** One training step of every run; resolves to each run's logs, by run key. */
  step(): Promise<Record<string, Logs>>;
  /** The sample view, from a fixed latent batch, so equal weights draw equal pixels. */
  view(): Promise<View>;
  /** Frees the data and models. */
  dispose(): void;
}

/** What `create` gets besides the knobs. */
export interface CreateContext {
  /** Models loaded from a checkpoint, by run key: train these instead of fresh ones. */
  readonly restored?: Readonly<Record<string, Model>>;
  /** Shows a line in the status bar, e.g. while data downloads. */
  progress(message: string): void;
}

/** The worker side of a demo: its description plus how to build a trainer. */
export interface WorkerDemo<K extends Knobs = Knobs> {
  readonly info: DemoInfo<K>;
  create(knobs: K, context: CreateContext): Promise<Trainer>;
}
