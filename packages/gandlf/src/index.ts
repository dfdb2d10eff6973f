export { AdversarialModel } from './engine/adversarial-model';
export type { AdversarialModelArgs, FitArgs, SaveOptions } from './engine/adversarial-model';
export type { LoadOptions } from './engine/checkpoint';
export type {
  AdversarialCompileArgs,
  LossSpec,
  LossWeightsSpec,
  MetricsSpec,
  PlayerCompileArgs,
} from './engine/compile';
export type { DataSource, InputsSpec, TargetsSpec } from './data/data';
export { getOptimizer, optimizerNames } from './optim/get-optimizer';
export type { OptimizerIdentifier } from './optim/get-optimizer';
export { registerPenalty } from './engine/penalty';
export type { Penalty, PenaltyContext } from './engine/penalty';
export { isGanContext } from './gan/game';
export type { GanContext, GanLayout } from './gan/game';
export type { RollbackEvent } from './engine/guarded-run';
export { Player } from './engine/player';
export type { Batch, PlayerEval, PlayerOutput, Scored } from './engine/player';
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
export { accuracyFor, binaryAccuracy, categoricalAccuracy, getMetric, metricNames } from './losses/metrics';
export type { MetricContext, MetricFn, MetricIdentifier } from './losses/metrics';
export { kullbackLeiblerDivergence, poisson } from './losses/probabilistic';
export {
  cosineProximity,
  logcosh,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredLogarithmicError,
} from './losses/regression';
export { getLoss, lossNames } from './losses/registry';
export type { LossIdentifier } from './losses/registry';
export type { AdversarialOptimizer, PlayerSteps, StepContext } from './engine/adversarial-optimizer';
export { Alternating } from './engine/alternating';
export type { AlternatingOptions } from './engine/alternating';
export { registerAdversarialOptimizer } from './engine/registry';
export { Scheduled } from './engine/scheduled';
export { Simultaneous } from './engine/simultaneous';
export { Unrolled } from './engine/unrolled';
export type { UnrolledOptions } from './engine/unrolled';
export { Random } from './random';
export type { Callback, History, Logs } from './training/callbacks';
export type { YieldEvery } from './engine/fit-args';
export { defaultVerbose, nodeStdout, progressBar } from './training/progress-bar';
export type { ProgressBarOptions, ProgressGlobals, ProgressStream } from './training/progress-bar';
export type { Divergence, DivergenceOptions } from './engine/divergence';
export { Model } from './model/model';
export type { ModelArgs, ModelCompileArgs, ModelFitArgs, ModelInputs, ModelTargets, SampleArgs } from './model/model';
export { expandModes, MODES } from './model/modes';
export type { Mode, ModeSpec, PerMode } from './model/modes';
export type { Shortcut } from './model/shortcuts';
export { listCheckpoints, loadArtifacts, removeCheckpoint, saveArtifacts } from './checkpoint/checkpoint-store';
export type { CheckpointDestination } from './checkpoint/checkpoint-store';
export { FORMAT_VERSION } from './checkpoint/format';
export type { CheckpointMeta } from './checkpoint/format';
export { MemoryStore, memoryStore } from './checkpoint/memory-store';
export { registerStoreManager } from './checkpoint/stores';
export type { StoreManager } from './checkpoint/stores';
export { checkpoint, checkpointName } from './callbacks/checkpoint';
export type { CheckpointCallback, CheckpointOptions, Checkpointable } from './callbacks/checkpoint';
export { canTrainOnWasm, missingWasmKernels, registerWasmConvGradients } from './backends/wasm-conv';
export type { WasmConvRegistration } from './backends/wasm-conv';
export { pickBackend } from './backends/pick-backend';
export type { PickBackendOptions } from './backends/pick-backend';
export { BatchSimilarity } from './layers/batch-similarity';
export type { BatchSimilarityArgs } from './layers/batch-similarity';
export type { LayerArgs, LayerWrapperArgs } from './layers/layer-wrapper';
export { PermanentDropout } from './layers/permanent-dropout';
export type { PermanentDropoutArgs } from './layers/permanent-dropout';
export { Residual } from './layers/residual';
export type { ResidualArgs } from './layers/residual';
export { getSimilarity, similarityNames } from './layers/similarities';
export type { SimilarityFn, SimilarityName } from './layers/similarities';
export { SpectralNormalization } from './layers/spectral-normalization';
export type { SpectralNormalizationArgs } from './layers/spectral-normalization';
export { categoricalCrossentropy, categoricalHinge } from './losses/categorical';
export { smoothLabels } from './losses/registry';
export { relativisticAverageDiscriminatorLoss, relativisticAverageGeneratorLoss } from './losses/relativistic';
export type { RelativisticKind } from './losses/relativistic';
export { wasserstein } from './losses/wasserstein';
export { gradientPenalty } from './penalties/gradient-penalty';
export type { GradientPenaltyOptions } from './penalties/gradient-penalty';
export { r1Penalty } from './penalties/r1';
export type { R1Options } from './penalties/r1';
export { relativisticAverage, relativisticAverageLoss } from './penalties/relativistic-average';
export type { RelativisticAverageOptions } from './penalties/relativistic-average';
export { ensureSecondOrderGradients } from './penalties/second-order-gradients';
export { clipWeights, setLearningRate, WeightClipping } from './optim/weight-clipping';
export type { ClipWeightsOptions } from './optim/weight-clipping';
export { ExponentialMovingAverage } from './model/ema';
export type { EmaOptions } from './model/ema';
export { AUGMENTATIONS, diffAugment } from './augment/diff-augment';
export type { Augmentation, DiffAugmentOptions, UniformStream } from './augment/diff-augment';
export { DiffAugment } from './augment/diff-augment-layer';
export type { DiffAugmentArgs } from './augment/diff-augment-layer';
export { adaptiveLearningRate, adaptiveRates } from './callbacks/adaptive-learning-rate';
export type { AdaptiveLearningRateOptions } from './callbacks/adaptive-learning-rate';
export { imageGrid, toCanvas } from './callbacks/image-grid';
export type { GridSink, ImageGridOptions } from './callbacks/image-grid';
export { tileImages } from './callbacks/tile-images';
export type { TileImagesOptions } from './callbacks/tile-images';
export { latentSearch } from './latent/latent-search';
export type { LatentSearchOptions, LatentSearchResult } from './latent/latent-search';
export { interpolateLatents } from './latent/interpolate';
export type { InterpolateOptions } from './latent/interpolate';
export { ganAdam, ringMlp } from './presets/ring-preset';
export type { RingMlpOptions, RingPreset, RingPresetOptions } from './presets/ring-preset';
export { hingeSnRing } from './presets/hinge-sn-ring';
export type { HingeSnRingOptions } from './presets/hinge-sn-ring';
export { wganGpRing } from './presets/wgan-gp-ring';
export { mixtureLatentGan, mixtureLatentGenerator } from './presets/mixture-latent-gan';
export type { MixtureLatentGanOptions, MixtureLatentGeneratorOptions } from './presets/mixture-latent-gan';
export type { WganGpRingOptions } from './presets/wgan-gp-ring';
