// The gandlf examples' progress line: one per epoch, with the losses that say how the game goes.
import type { Callback } from 'gandlf';
import { say } from '../support/output';

/** A callback that prints `epoch i/n key=value …` for the given log keys (all `*_loss` keys when none are given). */
export function epochLogger(verbose: boolean | undefined, epochs: number, keys?: readonly string[]): Callback {
  return {
    onEpochEnd: async (epoch, logs = {}) => {
      const shown = keys ?? Object.keys(logs).filter((k) => k.endsWith('_loss'));
      say(verbose, `epoch ${epoch + 1}/${epochs} ${shown.map((k) => `${k}=${Number(logs[k]).toFixed(4)}`).join(' ')}`);
    },
  };
}
