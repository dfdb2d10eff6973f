import * as tf from '@tensorflow/tfjs';
import { CheckpointVersionError, CorruptCheckpointError, GandlfError } from '../errors';
import type { History } from '../training/callbacks';

/** The checkpoint format this gandlf writes and the newest it reads. */
export const FORMAT_VERSION = 1;
const FORMAT = 'gandlf-checkpoint';

/** How a player scores one output, by registered names. */
export interface OutputRecord {
  readonly name: string;
  readonly loss: string;
  readonly weight: number;
  readonly metrics: string[];
}

/** One player: its parameters (indices into the saved model's weights), optimizer and losses. */
export interface PlayerRecord {
  readonly name: string;
  readonly params: number[];
  /** The optimizer's tfjs class name (`'Adam'`) and config. */
  readonly optimizer: { readonly className: string; readonly config: tf.serialization.ConfigDict };
  /** How many optimizer weights follow under `optimizer/${player}/${k}`. */
  readonly optimizerWeights: number;
  readonly outputs: OutputRecord[];
  /** Extra loss terms, rebuilt through `registerPenalty`. */
  readonly penalties?: { readonly className: string; readonly config: Record<string, unknown> }[];
  /** `[start, end)` of this player's outputs among the saved model's outputs. */
  readonly outputSlice: [number, number];
}

/** Everything besides weights that a run needs to resume. */
export interface CheckpointMeta {
  readonly format: typeof FORMAT;
  readonly version: number;
  /** Which class wrote it; `Model` adds the names of its two networks. */
  readonly kind: 'AdversarialModel' | 'Model';
  readonly model?: {
    readonly generator: string;
    readonly discriminator: string;
    /** The exponential moving average of the generator, stored as `ema/${i}` weights. */
    readonly ema?: { readonly decay: number };
    /** DiffAugment options of the discriminator's inputs. */
    readonly augment?: { readonly policy: string; readonly seed?: number };
  };
  /** True when every player shares one base model. */
  readonly sharedBaseModel: boolean;
  readonly players: PlayerRecord[];
  readonly adversarialOptimizer: { readonly className: string; readonly config: Record<string, unknown> };
  readonly step: number;
  readonly epoch: number;
  /** The position of the model's random stream. */
  readonly random: number;
  readonly history: History;
  readonly savedAt: string;
  /** Whatever the user passed as `metadata`. */
  readonly metadata: Record<string, unknown>;
}

export function newMeta(fields: Omit<CheckpointMeta, 'format' | 'version' | 'savedAt'>): CheckpointMeta {
  return { format: FORMAT, version: FORMAT_VERSION, savedAt: new Date().toISOString(), ...fields };
}

/** Reads and checks the gandlf part of loaded artifacts; names what is wrong. */
export function readMeta(artifacts: tf.io.ModelArtifacts, where: string): CheckpointMeta {
  const meta = artifacts.userDefinedMetadata?.gandlf as unknown as CheckpointMeta | undefined;
  const corrupt = (what: string) => new CorruptCheckpointError(`Checkpoint ${where} is not a complete gandlf checkpoint: ${what}.`);
  if (!meta || typeof meta !== 'object') throw corrupt('it has no gandlf metadata (was it saved by plain tfjs?)');
  if (meta.format !== FORMAT) throw corrupt(`its format is ${JSON.stringify(meta.format)}, expected "${FORMAT}"`);
  if (typeof meta.version !== 'number') throw corrupt('it has no format version');
  if (meta.version > FORMAT_VERSION) {
    throw new CheckpointVersionError(`Checkpoint ${where} was written in format version ${meta.version}, but this gandlf reads versions up to ${FORMAT_VERSION}. Upgrade gandlf to load it.`);
  }
  if (!artifacts.modelTopology || artifacts.modelTopology instanceof ArrayBuffer) throw corrupt('its model topology is missing');
  if (!Array.isArray(meta.players) || meta.players.length === 0) throw corrupt('it lists no players');
  meta.players.forEach((p, i) => {
    const bad = playerProblem(p);
    if (bad) throw corrupt(`player ${i} ${bad}`);
  });
  if (typeof meta.adversarialOptimizer?.className !== 'string') throw corrupt('it does not name its adversarial optimizer');
  if (!Array.isArray(meta.history?.epoch) || typeof meta.history?.history !== 'object' || meta.history.history === null) {
    throw corrupt('its history is malformed');
  }
  for (const key of ['step', 'epoch', 'random'] as const) {
    if (!Number.isFinite(meta[key])) throw corrupt(`its '${key}' counter is missing`);
  }
  if (!artifacts.weightSpecs || artifacts.weightData === undefined) throw corrupt('its weights are missing');
  const expected = artifacts.weightSpecs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * bytesPer(s.dtype), 0);
  const actual = byteLength(artifacts.weightData);
  if (expected !== actual) {
    throw corrupt(`its weight data holds ${actual} bytes but the weight specs need ${expected}`);
  }
  return meta;
}

const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** What is wrong with one player record, or null. */
function playerProblem(p: PlayerRecord): string | null {
  if (typeof p !== 'object' || p === null) return 'is not a record';
  if (typeof p.name !== 'string') return 'has no name';
  if (!Array.isArray(p.params) || !p.params.every(isInt)) return `'${p.name}' has malformed parameter indices`;
  if (typeof p.optimizer?.className !== 'string' || typeof p.optimizer.config !== 'object' || p.optimizer.config === null) {
    return `'${p.name}' has a malformed optimizer`;
  }
  if (!isInt(p.optimizerWeights)) return `'${p.name}' has a malformed optimizer weight count`;
  if (!Array.isArray(p.outputs) || !p.outputs.every((o) => typeof o?.name === 'string' && typeof o.loss === 'string' && Number.isFinite(o.weight) && Array.isArray(o.metrics))) {
    return `'${p.name}' has malformed outputs`;
  }
  if (!Array.isArray(p.outputSlice) || p.outputSlice.length !== 2 || !p.outputSlice.every(isInt)) return `'${p.name}' has a malformed output slice`;
  return null;
}

function bytesPer(dtype: string): number {
  return dtype === 'bool' ? 1 : 4;
}

function byteLength(data: tf.io.WeightData): number {
  return Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
}

/**
 * Runs the rebuilding of a loaded checkpoint. Damage the checks in `readMeta`
 * cannot see (a mangled topology, a metadata field of the wrong type) surfaces
 * as tfjs or type errors; they become a CorruptCheckpointError naming them.
 */
export async function rebuildOrCorrupt<T>(where: string, rebuild: () => Promise<T>): Promise<T> {
  try {
    return await rebuild();
  } catch (e) {
    if (e instanceof GandlfError) throw e;
    throw new CorruptCheckpointError(`Checkpoint ${where} could not be rebuilt; it is damaged or not a gandlf checkpoint. Received: ${(e as Error)?.message ?? String(e)}`);
  }
}
