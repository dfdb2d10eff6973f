export { AdversarialModel } from './adversarial/adversarial-model';
export type { AdversarialModelArgs, FitArgs, SaveOptions } from './adversarial/adversarial-model';
export type { LoadOptions } from './adversarial/checkpoint';
export type {
  AdversarialCompileArgs,
  LossSpec,
  LossWeightsSpec,
  MetricsSpec,
  PlayerCompileArgs,
} from './adversarial/compile';
export type { DataSource, InputsSpec, TargetsSpec } from './adversarial/data';
export { getOptimizer, optimizerNames } from './adversarial/get-optimizer';
export type { OptimizerIdentifier } from './adversarial/get-optimizer';
export { registerPenalty } from './adversarial/penalty';
export type { Penalty, PenaltyContext } from './adversarial/penalty';
export type { RollbackEvent } from './adversarial/guarded-run';
export { Player } from './adversarial/player';
export type { Batch, PlayerEval, PlayerOutput } from './adversarial/player';
export {
  CheckpointError,
  CheckpointSaveError,
  CheckpointVersionError,
  CorruptCheckpointError,
  GandlfError,
  InvalidArgumentError,
  NonFiniteDataError,
  NotCompiledError,
  ShapeMismatchError,
  TrainingDivergedError,
  UnknownNameError,
} from './errors';
export { buildGan, fixNames, simpleBigan, simpleGan } from './helpers/builders';
export { LatentSampling, normalLatentSampling, uniformLatentSampling } from './helpers/latent-sampling';
export type { LatentSamplingArgs } from './helpers/latent-sampling';
export { ganTargets, ganTargetsHinge, nChoice } from './helpers/targets';
export {
  binaryCrossentropy,
  binaryCrossentropyFromLogits,
  hinge,
  maximize,
  meanSquaredError,
  minimize,
  negativeBinaryCrossentropy,
  squaredHinge,
} from './losses/losses';
export type { LossFn } from './losses/losses';
export { binaryAccuracy, getMetric, meanAbsoluteError } from './losses/metrics';
export type { MetricFn, MetricIdentifier } from './losses/metrics';
export { getLoss, lossNames } from './losses/registry';
export type { LossIdentifier } from './losses/registry';
export type { AdversarialOptimizer, PlayerSteps, StepContext } from './optimizers/adversarial-optimizer';
export { Alternating } from './optimizers/alternating';
export type { AlternatingOptions } from './optimizers/alternating';
export { registerAdversarialOptimizer } from './optimizers/registry';
export { Scheduled } from './optimizers/scheduled';
export { Simultaneous } from './optimizers/simultaneous';
export { Unrolled } from './optimizers/unrolled';
export type { UnrolledOptions } from './optimizers/unrolled';
export { Random } from './random';
export type { Callback, History, Logs } from './training/callbacks';
export type { YieldEvery } from './training/fit-loop';
export type { Divergence, DivergenceOptions } from './training/divergence';
export { Model } from './model/model';
export type { ModelArgs, ModelCompileArgs, ModelInputs, ModelTargets, SampleArgs } from './model/model';
export { expandModes, MODES } from './model/modes';
export type { Mode, ModeSpec, PerMode } from './model/modes';
export type { Shortcut } from './model/shortcuts';
export { listCheckpoints, loadArtifacts, removeCheckpoint, saveArtifacts } from './io/checkpoint-store';
export type { CheckpointDestination } from './io/checkpoint-store';
export { FORMAT_VERSION } from './io/format';
export type { CheckpointMeta } from './io/format';
export { MemoryStore, memoryStore } from './io/memory-store';
export { registerStoreManager } from './io/stores';
export type { StoreManager } from './io/stores';
export { checkpoint, checkpointName } from './callbacks/checkpoint';
export type { CheckpointCallback, CheckpointOptions, Checkpointable } from './callbacks/checkpoint';
export { canTrainOnWasm, missingWasmKernels, registerWasmConvGradients } from './backends/wasm-conv';
export type { WasmConvRegistration } from './backends/wasm-conv';
export { pickBackend } from './backends/pick-backend';
export type { PickBackendOptions } from './backends/pick-backend';
