import type * as tf from '@tensorflow/tfjs';
import type { AdversarialModel } from 'gandlf';
import type { RunModel } from '../kit/run-model';
import { fnv1a } from '../hash';
import type { StepMoves } from '../protocol';
import type { Run } from './types';

// What the worker tells the page about each run's players: their names (the
// step buttons), who moved in a step (`moves` of a logs entry) and a
// fingerprint of each player's weights (the `weights` event).

/** A run's game: a `Model`'s `adversarial`, or the `AdversarialModel` itself. */
function gameOf(model: RunModel): AdversarialModel {
  return 'adversarial' in model ? model.adversarial : model;
}

/** The players of a run, e.g. `['generator', 'discriminator']`. */
export function playerNames(model: RunModel): readonly string[] {
  return gameOf(model).playerNames;
}

/** Why a one-player step cannot name `only` (a run has no such player), or undefined when it can. */
export function unknownPlayer(runs: readonly Run[], only: string | undefined): string | undefined {
  const run = only === undefined ? undefined : runs.find((r) => !playerNames(r.model).includes(only));
  if (!run) return undefined;
  const names = playerNames(run.model).map((n) => `'${n}'`);
  return `A one-player step names one of the players ${names.join(', ')}${runs.length > 1 ? ` of run '${run.key}'` : ''}. Received: only='${only}'.`;
}

/** The updates each player of each run took in the latest step (`model.lastUpdates`). */
export function stepMoves(runs: readonly Run[]): StepMoves {
  return Object.fromEntries(runs.map((run) => [run.key, { ...run.model.lastUpdates }]));
}

/** A hex fingerprint of each player's weights, by run key then player: FNV-1a over the bytes of every variable it trains, in order. */
export async function fingerprints(runs: readonly Run[]): Promise<Record<string, Record<string, string>>> {
  const prints: Record<string, Record<string, string>> = {};
  for (const run of runs) {
    const players: Record<string, string> = {};
    for (const player of gameOf(run.model).getPlayers()) players[player.name] = await fingerprint(player.variables);
    prints[run.key] = players;
  }
  return prints;
}

async function fingerprint(variables: readonly tf.Variable[]): Promise<string> {
  const parts = await Promise.all(variables.map((v) => v.data()));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += p.byteLength;
  }
  return fnv1a(bytes);
}
