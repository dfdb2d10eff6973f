// gandlf's public API, in tfjs's style: the models, the adversarial
// optimizers and the errors at the top level, each family in a namespace
// (`losses.hinge`, `penalties.gradientPenalty`, `new layers.Residual(...)`).
// index.test.ts snapshots every name here and in each namespace.

// gandlf's Model: a generator and a discriminator.
export { Model } from './model/model';
export type { ModelArgs, ModelCompileArgs, ModelFitArgs, ModelInputs, ModelTargets, ModelTrainOnBatchOptions, RoleOptimizers, SampleArgs } from './model/model';
export type { Mode, ModeSpec } from './model/modes';
export type { Shortcut } from './model/shortcuts';

// keras_adversarial's AdversarialModel: n named players.
export { AdversarialModel } from './engine/adversarial-model';
export type { AdversarialModelArgs, FitArgs, PredictOptions, PrintFn, SaveOptions, TrainOnBatchOptions } from './engine/adversarial-model';
export type { LoadOptions } from './engine/checkpoint';
export type { AdversarialCompileArgs, LossSpec, LossWeightsSpec, MetricsSpec, PlayerCompileArgs } from './engine/compile';
export type { DataSource, InputsSpec, TargetsSpec } from './data/data';
export type { YieldEvery } from './engine/fit-args';
export type { DivergenceOptions } from './engine/divergence';
export type { RollbackEvent } from './engine/guarded-run';
export type { Callback, History, Logs } from './training/callbacks';

// The adversarial optimizers, and what one of your own implements and sees.
export { Simultaneous } from './engine/simultaneous';
export { Alternating } from './engine/alternating';
export type { AlternatingOptions } from './engine/alternating';
export { Scheduled } from './engine/scheduled';
export { Unrolled } from './engine/unrolled';
export type { UnrolledOptions } from './engine/unrolled';
export { registerAdversarialOptimizer } from './engine/registry';
export type { AdversarialOptimizer, PlayerSteps, StepContext } from './engine/adversarial-optimizer';
export type { Batch, Player, PlayerEval } from './engine/player';

export {
  CheckpointError,
  CheckpointSaveError,
  CheckpointVersionError,
  CorruptCheckpointError,
  GandlfError,
  InvalidArgumentError,
  MissingGradientError,
  NonFiniteDataError,
  NotCompiledError,
  ShapeMismatchError,
  TrainingDivergedError,
  UnknownNameError,
  UnknownOptionError,
} from './errors';
export { Random } from './random';

export * as backends from './api/backends';
export * as callbacks from './api/callbacks';
export * as constraints from './api/constraints';
export * as helpers from './api/helpers';
export * as io from './api/io';
export * as latent from './api/latent';
export * as layers from './api/layers';
export * as losses from './api/losses';
export * as metrics from './api/metrics';
export * as penalties from './api/penalties';
export * as presets from './api/presets';
export * as train from './api/train';
