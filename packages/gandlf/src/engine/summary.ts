import type * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';

/** Where summary lines go, as tfjs's `model.summary` takes it. */
export type PrintFn = (message?: unknown, ...optionalParams: unknown[]) => void;

/** What the summary shows of one player. */
export interface SummaryPlayer {
  readonly name: string;
  readonly model: tf.LayersModel;
  /** The variables the player alone updates (its `playerParams`). */
  readonly variables: readonly tf.Variable[];
}

/**
 * Prints an `AdversarialModel` the way Keras prints one: keras_adversarial's
 * player models are the layers of the `AdversarialModel`, so Keras's
 * `summary` lists each of them. Here each player model's own tfjs summary
 * is printed (once, when players share it), then what each player trains:
 * the parameters of its `playerParams`, which a shared model's
 * "Trainable params" line cannot tell apart.
 */
export function printPlayersSummary(players: readonly SummaryPlayer[], lineLength?: number, positions?: number[], printFn: PrintFn = console.log): void {
  if (typeof printFn !== 'function') {
    throw new InvalidArgumentError(`Argument 'printFn' passed to 'summary' must be a function, e.g. console.log. Received: printFn=${describe(printFn)}`);
  }
  printFn(`AdversarialModel: ${players.length} player(s) (${players.map((p) => p.name).join(', ')})`);
  const shown = new Map<tf.LayersModel, string>();
  for (const p of players) {
    const seenBy = shown.get(p.model);
    if (seenBy !== undefined) {
      printFn(`Player '${p.name}': model '${p.model.name}', the same model as player '${seenBy}'`);
    } else {
      printFn(`Player '${p.name}': model '${p.model.name}'`);
      p.model.summary(lineLength, positions, printFn);
      shown.set(p.model, p.name);
    }
    printFn(`Player '${p.name}' trains ${countParams(p.variables)} parameters (${p.variables.length} weights)`);
  }
  const all = new Map(players.flatMap((p) => p.variables.map((v) => [v.name, v] as const)));
  printFn(`Parameters trained by the players: ${countParams([...all.values()])}`);
}

function countParams(variables: readonly tf.Variable[]): number {
  return variables.reduce((sum, v) => sum + v.size, 0);
}
