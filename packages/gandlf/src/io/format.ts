import * as tf from '@tensorflow/tfjs';
import { CheckpointVersionError, CorruptCheckpointError } from '../errors';
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
  const corrupt = (what: string) =>
    new CorruptCheckpointError(`Checkpoint ${where} is not a complete gandlf checkpoint: ${what}.`);
  if (!meta || typeof meta !== 'object') throw corrupt('it has no gandlf metadata (was it saved by plain tfjs?)');
  if (meta.format !== FORMAT) throw corrupt(`its format is ${JSON.stringify(meta.format)}, expected "${FORMAT}"`);
  if (typeof meta.version !== 'number') throw corrupt('it has no format version');
  if (meta.version > FORMAT_VERSION) {
    throw new CheckpointVersionError(
      `Checkpoint ${where} was written in format version ${meta.version}, but this gandlf reads versions up to ${FORMAT_VERSION}. Upgrade gandlf to load it.`,
    );
  }
  if (!artifacts.modelTopology || artifacts.modelTopology instanceof ArrayBuffer) throw corrupt('its model topology is missing');
  if (!Array.isArray(meta.players) || meta.players.length === 0) throw corrupt('it lists no players');
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

function bytesPer(dtype: string): number {
  return dtype === 'bool' ? 1 : 4;
}

function byteLength(data: tf.io.WeightData): number {
  return Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
}
