import type * as tf from '@tensorflow/tfjs';
import type { MetricsSpec } from '../engine/compile';
import type { AdversarialOptimizer } from '../engine/adversarial-optimizer';
import { FIT_ARGS_KEY_RECORD, type FitArgs } from '../engine/fit-args';
import type { Penalty } from '../engine/penalty';
import type { LossIdentifier } from '../losses/registry';
import type { OptimizerIdentifier } from '../optim/get-optimizer';
import { checkOptions, optionKeys, requireOptions } from '../options';
import { EMA_KEYS, type EmaOptions } from './ema';
import type { ModeSpec } from './modes';
import type { ModelInputs, Shortcut } from './shortcuts';

/** Arguments of the `Model` constructor. */
export interface ModelArgs {
  /** Maps latent (and conditional) inputs to samples. */
  generator: tf.LayersModel;
  /**
   * Scores samples. Its first inputs take the generator's outputs; any further
   * inputs are conditional and shared by the real and the fake path.
   */
  discriminator: tf.LayersModel;
  /**
   * DiffAugment in front of the discriminator's image inputs, on real and
   * generated images in both players' steps (training calls only), e.g.
   * `{ policy: 'color,translation,cutout' }`. Needs image inputs `[h, w, c]`.
   * @default none
   */
  augment?: { policy?: string; seed?: number };
}

/** Arguments of `Model.compile`. */
export interface ModelCompileArgs {
  /**
   * The networks' optimizers: `{ generator, discriminator }`, one optimizer
   * (each network gets its own copy), or the seed's list `[discriminator, generator]`.
   * @default 'adam'
   */
  optimizer?: OptimizerIdentifier | RoleOptimizers | readonly [OptimizerIdentifier, OptimizerIdentifier];
  /** Loss per output and mode, in the target shorthand (see `fit`). */
  loss: ModeSpec<LossIdentifier>;
  /** Loss weights per output and mode, in the target shorthand. @default 1 everywhere */
  lossWeights?: ModeSpec<number>;
  /** Metrics for every output, e.g. `['accuracy']`. @default none */
  metrics?: MetricsSpec;
  /** Who updates when: `Simultaneous`, `Alternating`, `Scheduled` or `Unrolled`. @default new Simultaneous(), as in gandlf */
  adversarialOptimizer?: AdversarialOptimizer;
  /**
   * Extra loss terms per network, e.g. `{ discriminator: [penalties.gradientPenalty()] }`
   * or `penalties.relativisticAverage()`. Each sees its turn's named tensors (`GanContext`).
   * @default none
   */
  penalties?: { generator?: readonly Penalty[]; discriminator?: readonly Penalty[] };
  /**
   * Keep an exponential moving average of the generator, updated after every
   * step; `sample` draws from it and `save` stores it. @default none
   */
  ema?: EmaOptions;
}

/** One optimizer per network, by role. */
export interface RoleOptimizers {
  /** The generator's optimizer. */
  generator: OptimizerIdentifier;
  /** The discriminator's optimizer. */
  discriminator: OptimizerIdentifier;
}

/**
 * Targets of `Model.fit`, per discriminator output and mode (see `expandModes`),
 * best given by name: `{ gen: 'zeros', fake: 'ones', real: 'zeros' }`.
 */
export type ModelTargets = ModeSpec<Shortcut>;

/** Options of `Model.fit`: those of `AdversarialModel.fit`, with validation data in `Model`'s own shorthand. */
export interface ModelFitArgs extends Omit<FitArgs, 'validationData'> {
  /** `[x, y]` as `fit` takes them, scored after every epoch (inference mode) and logged as `val_*`. @default none */
  validationData?: readonly [ModelInputs, ModelTargets];
}

// The accepted keys of `Model`'s options objects, held to their interfaces by
// `optionKeys`: a key added to an interface must be added here too.

const MODEL_ARGS_KEYS = optionKeys<ModelArgs>()({ generator: true, discriminator: true, augment: true });
const AUGMENT_KEYS = optionKeys<NonNullable<ModelArgs['augment']>>()({ policy: true, seed: true });
const COMPILE_KEYS = optionKeys<ModelCompileArgs>()({
  optimizer: true,
  loss: true,
  lossWeights: true,
  metrics: true,
  adversarialOptimizer: true,
  penalties: true,
  ema: true,
});
const PENALTIES_KEYS = optionKeys<NonNullable<ModelCompileArgs['penalties']>>()({ generator: true, discriminator: true });
/** The keys of `optimizer: { generator, discriminator }`. */
export const ROLE_OPTIMIZERS_KEYS = optionKeys<RoleOptimizers>()({ generator: true, discriminator: true });

/** `Model.fit` takes what `AdversarialModel.fit` takes. */
export const MODEL_FIT_ARGS_KEYS = optionKeys<ModelFitArgs>()(FIT_ARGS_KEY_RECORD);

/** Checks the keys of the `Model` constructor's arguments and of their `augment`. */
export function checkModelOptions(args: ModelArgs): ModelArgs {
  const checked = requireOptions(args, MODEL_ARGS_KEYS, 'Model', 'args');
  checkOptions(checked.augment, AUGMENT_KEYS, 'Model', 'augment');
  return checked;
}

/** Checks the keys of `Model.compile`'s arguments, of their `penalties` and of their `ema`. */
export function checkModelCompileOptions(args: ModelCompileArgs): ModelCompileArgs {
  const checked = requireOptions(args, COMPILE_KEYS, 'compile', 'args');
  checkOptions(checked.penalties, PENALTIES_KEYS, 'compile', 'penalties');
  checkOptions(checked.ema, EMA_KEYS, 'compile', 'ema');
  return checked;
}
