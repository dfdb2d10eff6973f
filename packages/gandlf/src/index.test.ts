import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';
import * as gandlf from './index';

// The public API, snapshotted: a change here is a change users see. Update
// the snapshots (`vitest run packages/gandlf/src/index.test.ts -u`) only for a
// change to the surface you mean to make.

const isNamespace = (v: unknown): v is Record<string, unknown> => Object.prototype.toString.call(v) === '[object Module]';

/** The runtime names of an entry point: its own, then each namespace's as `ns.member`. */
function valueNames(entry: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const [name, value] of Object.entries(entry)) {
    names.push(name);
    if (isNamespace(value)) names.push(...Object.keys(value).map((m) => `${name}.${m}`));
  }
  return names.sort();
}

it('exports exactly the public values', async () => {
  // gandlf/node after the test setup chose the cpu backend, so importing it keeps cpu.
  const node = await import('./node');
  expect(valueNames(gandlf)).toMatchInlineSnapshot(`
    [
      "AdversarialModel",
      "Alternating",
      "CheckpointError",
      "CheckpointSaveError",
      "CheckpointVersionError",
      "CorruptCheckpointError",
      "GandlfError",
      "InvalidArgumentError",
      "MissingGradientError",
      "Model",
      "NonFiniteDataError",
      "NotCompiledError",
      "Random",
      "Scheduled",
      "ShapeMismatchError",
      "Simultaneous",
      "TrainingDivergedError",
      "UnknownNameError",
      "UnknownOptionError",
      "Unrolled",
      "backends",
      "backends.canTrainOnWasm",
      "backends.missingWasmKernels",
      "backends.pickBackend",
      "backends.registerWasmConvGradients",
      "callbacks",
      "callbacks.adaptiveLearningRate",
      "callbacks.applyColormap",
      "callbacks.checkpoint",
      "callbacks.colormapNames",
      "callbacks.imageGrid",
      "callbacks.learningRateScheduler",
      "callbacks.progressBar",
      "callbacks.tileImages",
      "callbacks.toCanvas",
      "constraints",
      "constraints.MaxValue",
      "constraints.applyConstraints",
      "helpers",
      "helpers.buildGan",
      "helpers.eliminateZ",
      "helpers.fixNames",
      "helpers.ganTargets",
      "helpers.ganTargetsHinge",
      "helpers.nChoice",
      "helpers.normalLatentSampling",
      "helpers.simpleBigan",
      "helpers.simpleGan",
      "helpers.uniformLatentSampling",
      "io",
      "io.MemoryStore",
      "io.listCheckpoints",
      "io.loadRun",
      "io.registerStoreManager",
      "io.removeCheckpoint",
      "latent",
      "latent.interpolateLatents",
      "latent.latentSearch",
      "layers",
      "layers.BatchSimilarity",
      "layers.DiffAugment",
      "layers.PermanentDropout",
      "layers.RecurrentAttention1D",
      "layers.RecurrentAttention2D",
      "layers.Residual",
      "layers.SpectralNormalization",
      "layers.similarityNames",
      "losses",
      "losses.binaryCrossentropy",
      "losses.binaryCrossentropyFromLogits",
      "losses.categoricalCrossentropy",
      "losses.categoricalHinge",
      "losses.cosineProximity",
      "losses.hinge",
      "losses.kullbackLeiblerDivergence",
      "losses.logcosh",
      "losses.lossNames",
      "losses.maximize",
      "losses.meanAbsoluteError",
      "losses.meanAbsolutePercentageError",
      "losses.meanSquaredError",
      "losses.meanSquaredLogarithmicError",
      "losses.minimize",
      "losses.negativeBinaryCrossentropy",
      "losses.poisson",
      "losses.rbfMomentMatching",
      "losses.relativisticAverageDiscriminatorLoss",
      "losses.relativisticAverageGeneratorLoss",
      "losses.smoothLabels",
      "losses.squaredHinge",
      "losses.wasserstein",
      "metrics",
      "metrics.accuracyFor",
      "metrics.binaryAccuracy",
      "metrics.categoricalAccuracy",
      "metrics.metricNames",
      "penalties",
      "penalties.gradientPenalty",
      "penalties.isGanContext",
      "penalties.r1Penalty",
      "penalties.registerPenalty",
      "penalties.relativisticAverage",
      "penalties.relativisticAverageLoss",
      "presets",
      "presets.hingeSnRing",
      "presets.mixtureLatentGan",
      "presets.mixtureLatentGenerator",
      "presets.ringMlp",
      "presets.wganGpRing",
      "registerAdversarialOptimizer",
      "train",
      "train.ExponentialMovingAverage",
      "train.adam",
      "train.adamOptimizer",
      "train.clipWeights",
      "train.optimizerNames",
      "train.rmsprop",
      "train.sgd",
    ]
  `);
  expect(valueNames(node)).toMatchInlineSnapshot(`
    [
      "encodePng",
      "fileSystem",
      "pngFiles",
    ]
  `);
});

/**
 * The type-only names of each entry point (interfaces, type aliases, classes
 * exported as types), its own and each namespace's, read by the TypeScript
 * compiler: the part of the surface that `Object.keys` cannot see.
 */
function typeNames(...files: string[]): string[][] {
  const paths = files.map((f) => fileURLToPath(new URL(f, import.meta.url)));
  // Only the export graph is read: no lib and no global types to load.
  const program = ts.createProgram(paths, { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noLib: true, types: [], noEmit: true });
  const checker = program.getTypeChecker();
  const resolve = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const typeOnly = (s: ts.Symbol): boolean => (s.declarations ?? []).some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly)) || !(resolve(s).flags & ts.SymbolFlags.Value);
  return paths.map((path) => {
    const names: string[] = [];
    for (const s of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(path)!)!)) {
      const target = resolve(s);
      if (target.flags & ts.SymbolFlags.ValueModule) {
        for (const m of checker.getExportsOfModule(target)) if (typeOnly(m)) names.push(`${s.name}.${m.name}`);
      } else if (typeOnly(s)) names.push(s.name);
    }
    return names.sort();
  });
}

it('exports exactly the public types', () => {
  const [index, node] = typeNames('./index.ts', './node.ts');
  expect(index).toMatchInlineSnapshot(`
    [
      "AdversarialCompileArgs",
      "AdversarialModelArgs",
      "AdversarialOptimizer",
      "AlternatingOptions",
      "Batch",
      "Callback",
      "DataSource",
      "DivergenceOptions",
      "FitArgs",
      "History",
      "InputsSpec",
      "LoadOptions",
      "Logs",
      "LossSpec",
      "LossWeightsSpec",
      "MetricsSpec",
      "Mode",
      "ModeSpec",
      "ModelArgs",
      "ModelCompileArgs",
      "ModelFitArgs",
      "ModelInputs",
      "ModelTargets",
      "ModelTrainOnBatchOptions",
      "Player",
      "PlayerCompileArgs",
      "PlayerEval",
      "PlayerSteps",
      "PredictOptions",
      "PrintFn",
      "RoleOptimizers",
      "RollbackEvent",
      "SampleArgs",
      "SaveOptions",
      "Shortcut",
      "StepContext",
      "TargetsSpec",
      "TrainOnBatchOptions",
      "UnrolledOptions",
      "YieldEvery",
      "backends.PickBackendOptions",
      "backends.WasmConvRegistration",
      "callbacks.AdaptiveLearningRateOptions",
      "callbacks.CheckpointCallback",
      "callbacks.CheckpointOptions",
      "callbacks.Checkpointable",
      "callbacks.ColormapName",
      "callbacks.GridSink",
      "callbacks.HasPlayers",
      "callbacks.ImageGridOptions",
      "callbacks.ImageSource",
      "callbacks.LearningRateSchedule",
      "callbacks.LearningRateSchedulerOptions",
      "callbacks.ProgressBarOptions",
      "callbacks.ProgressStream",
      "callbacks.TileImagesOptions",
      "constraints.Constraint",
      "constraints.MaxValueArgs",
      "helpers.LatentSampling",
      "io.CheckpointDestination",
      "io.StoreManager",
      "latent.InterpolateOptions",
      "latent.LatentSearchOptions",
      "latent.LatentSearchResult",
      "layers.BatchSimilarityArgs",
      "layers.DiffAugmentArgs",
      "layers.PermanentDropoutArgs",
      "layers.RecurrentAttention1DArgs",
      "layers.RecurrentAttention2DArgs",
      "layers.ResidualArgs",
      "layers.ResidualMergeMode",
      "layers.SimilarityName",
      "layers.SpectralNormalizationArgs",
      "losses.LossFn",
      "losses.LossIdentifier",
      "losses.RbfMomentMatchingOptions",
      "losses.RelativisticKind",
      "metrics.MetricContext",
      "metrics.MetricFn",
      "metrics.MetricIdentifier",
      "penalties.GanContext",
      "penalties.GradientPenaltyOptions",
      "penalties.Penalty",
      "penalties.PenaltyContext",
      "penalties.R1Options",
      "penalties.RelativisticAverageOptions",
      "presets.HingeSnRingOptions",
      "presets.MixtureLatentGanOptions",
      "presets.MixtureLatentGeneratorOptions",
      "presets.RingMlpOptions",
      "presets.RingPreset",
      "presets.RingPresetOptions",
      "presets.WganGpRingOptions",
      "train.AdamOptimizerOptions",
      "train.AdamOptions",
      "train.ClipWeightsOptions",
      "train.EmaOptions",
      "train.KerasAdam",
      "train.KerasOptimizer",
      "train.KerasRMSprop",
      "train.KerasSGD",
      "train.OptimizerIdentifier",
      "train.RmspropOptions",
      "train.SgdOptions",
      "train.WeightClipping",
    ]
  `);
  expect(node).toMatchInlineSnapshot(`
    [
      "PngFilesOptions",
    ]
  `);
}, 60_000);
