import type { RunModel } from './types';

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
