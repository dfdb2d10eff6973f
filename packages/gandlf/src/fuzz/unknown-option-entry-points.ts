import * as tf from '@tensorflow/tfjs';
import { AdversarialModel } from '../engine/adversarial-model';
import { diffAugment } from '../augment/diff-augment';
import { DiffAugment } from '../augment/diff-augment-layer';
import { pickBackend } from '../backends/pick-backend';
import { adaptiveLearningRate } from '../callbacks/adaptive-learning-rate';
import { checkpoint } from '../callbacks/checkpoint';
import { imageGrid } from '../callbacks/image-grid';
import { learningRateScheduler } from '../callbacks/learning-rate-scheduler';
import { tileImages } from '../callbacks/tile-images';
import { buildGan } from '../helpers/builders';
import { LatentSampling } from '../helpers/latent-sampling';
import { ganTargets } from '../helpers/targets';
import { interpolateLatents } from '../latent/interpolate';
import { latentSearch } from '../latent/latent-search';
import { BatchSimilarity } from '../layers/batch-similarity';
import { PermanentDropout } from '../layers/permanent-dropout';
import { RecurrentAttention1D } from '../layers/recurrent-attention-1d';
import { RecurrentAttention2D } from '../layers/recurrent-attention-2d';
import { Residual } from '../layers/residual';
import { MaxValue } from '../constraints/max-value';
import { rbfMomentMatching } from '../losses/moment-matching';
import { SpectralNormalization } from '../layers/spectral-normalization';
import { ExponentialMovingAverage } from '../model/ema';
import { Model } from '../model/model';
import { pngFiles } from '../node/png-files';
import { Alternating } from '../engine/alternating';
import { Unrolled } from '../engine/unrolled';
import { adamOptimizer } from '../optim/adam-optimizer';
import { adam } from '../optim/keras-adam';
import { rmsprop } from '../optim/keras-rmsprop';
import { sgd } from '../optim/keras-sgd';
import { clipWeights } from '../optim/weight-clipping';
import { gradientPenalty } from '../penalties/gradient-penalty';
import { r1Penalty } from '../penalties/r1';
import { relativisticAverage, relativisticAverageLoss } from '../penalties/relativistic-average';
import { hingeSnRing } from '../presets/hinge-sn-ring';
import { mixtureLatentGan, mixtureLatentGenerator } from '../presets/mixture-latent-gan';
import { ringMlp } from '../presets/ring-preset';
import { wganGpRing } from '../presets/wgan-gp-ring';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';

/** One public function or constructor that takes an options object. */
export interface OptionEntryPoint {
  /** What the entry point is, for failure messages. */
  readonly name: string;
  /** The function its errors name. */
  readonly fn: string;
  /** Calls it with valid options plus `key: value` (nested where `name` says). */
  call(key: string, value: unknown): Promise<unknown>;
}

/**
 * Every options object of gandlf's public surface, each called with one key
 * that is not an option. Built on small compiled models; nothing here trains
 * unless a check is missing.
 */
export function unknownOptionEntryPoints(): OptionEntryPoint[] {
  const generator = mlpGenerator(2, 3, 4);
  const discriminator = mlpDiscriminator(3, 4);
  const model = new Model({ generator, discriminator });
  model.compile({ loss: 'binaryCrossentropy' });
  const g = mlpGenerator(2, 3, 4);
  const d = mlpDiscriminator(3, 4);
  const gan = new AdversarialModel({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights] });
  const ganCompile = { adversarialOptimizer: new Alternating(), playerOptimizers: ['adam', 'adam'], loss: 'binaryCrossentropy' } as const;
  gan.compile(ganCompile);
  const x = tf.zeros([4, 3]);
  const z = tf.zeros([4, 2]);
  const gx = [z, x];
  const gy = ganTargets(4);
  const images = tf.zeros([2, 4, 4, 1]);
  const layer = () => tf.layers.dense({ units: 3 });
  const draw = () => undefined;

  // Each `o(k, v)` is `{ [k]: v }`; `{ ...a, ...o(k, v) }` adds the key to valid options.
  const o = (k: string, v: unknown): Record<string, unknown> => Object.fromEntries([[k, v]]);
  const entry = (name: string, fn: string, f: (k: string, v: unknown) => unknown): OptionEntryPoint => ({
    name,
    fn,
    call: async (k, v) => f(k, v),
  });
  const any = <T>(v: T) => v as never;

  return [
    // Model
    entry('new Model(args)', 'Model', (k, v) => new Model(any({ generator, discriminator, ...o(k, v) }))),
    entry('new Model({ augment })', 'Model', (k, v) => new Model(any({ generator, discriminator, augment: { policy: 'color', ...o(k, v) } }))),
    entry('Model.compile(args)', 'compile', (k, v) => new Model({ generator, discriminator }).compile(any({ loss: 'binaryCrossentropy', ...o(k, v) }))),
    entry('Model.compile({ penalties })', 'compile', (k, v) => new Model({ generator, discriminator }).compile(any({ loss: 'binaryCrossentropy', penalties: o(k, v) }))),
    entry('Model.compile({ ema })', 'compile', (k, v) => new Model({ generator, discriminator }).compile(any({ loss: 'binaryCrossentropy', ema: o(k, v) }))),
    entry('Model.fit', 'fit', (k, v) => model.fit(['normal', x], ['zeros', 'ones'], any({ epochs: 1, ...o(k, v) }))),
    entry('Model.fit({ divergence })', 'fit', (k, v) => model.fit(['normal', x], ['zeros', 'ones'], any({ divergence: o(k, v) }))),
    entry('Model.fit({ divergence: { rollback } })', 'fit', (k, v) => model.fit(['normal', x], ['zeros', 'ones'], any({ divergence: { rollback: o(k, v) } }))),
    entry('Model.trainOnBatch', 'trainOnBatch', (k, v) => model.trainOnBatch(['normal', x], ['zeros', 'ones'], any(o(k, v)))),
    entry('Model.evaluate', 'evaluate', (k, v) => model.evaluate(['normal', x], ['zeros', 'ones'], any(o(k, v)))),
    entry('Model.sample', 'sample', (k, v) => model.sample(['normal'], any({ numSamples: 2, ...o(k, v) }))),
    entry('Model.predict', 'predict', (k, v) => model.predict([x], any(o(k, v)))),
    entry('Model.save', 'save', (k, v) => model.save('memory://unknown-option', any(o(k, v)))),
    entry('Model.load', 'load', (k, v) => Model.load('memory://unknown-option-missing', any(o(k, v)))),
    // AdversarialModel
    entry('new AdversarialModel(args)', 'AdversarialModel', (k, v) => new AdversarialModel(any({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights], ...o(k, v) }))),
    entry('AdversarialModel.compile(args)', 'compile', (k, v) => gan.compile(any({ ...ganCompile, ...o(k, v) }))),
    entry('AdversarialModel.compile({ playerCompileArgs })', 'compile', (k, v) => gan.compile(any({ ...ganCompile, playerCompileArgs: [{}, o(k, v)] }))),
    entry('AdversarialModel.fit', 'fit', (k, v) => gan.fit(gx, gy, any({ batchSize: 4, ...o(k, v) }))),
    entry('AdversarialModel.trainOnBatch', 'trainOnBatch', (k, v) => gan.trainOnBatch(gx, gy, any(o(k, v)))),
    entry('AdversarialModel.evaluate', 'evaluate', (k, v) => gan.evaluate(gx, gy, any(o(k, v)))),
    entry('AdversarialModel.predict', 'predict', (k, v) => gan.predict(gx, any(o(k, v)))),
    entry('AdversarialModel.save', 'save', (k, v) => gan.save('memory://unknown-option', any(o(k, v)))),
    entry('AdversarialModel.load', 'load', (k, v) => AdversarialModel.load('memory://unknown-option-missing', any(o(k, v)))),
    // Adversarial optimizers, optimizer wrappers and the generator average
    entry('new Alternating', 'Alternating', (k, v) => new Alternating(any(o(k, v)))),
    entry('new Unrolled', 'Unrolled', (k, v) => new Unrolled(any({ depth: 1, ...o(k, v) }))),
    entry('clipWeights', 'clipWeights', (k, v) => clipWeights(tf.train.sgd(0.1), any(o(k, v)))),
    entry('train.sgd', 'sgd', (k, v) => sgd(any(o(k, v)))),
    entry('train.adam', 'adam', (k, v) => adam(any(o(k, v)))),
    entry('train.adamOptimizer', 'adamOptimizer', (k, v) => adamOptimizer(any(o(k, v)))),
    entry('train.rmsprop', 'rmsprop', (k, v) => rmsprop(any(o(k, v)))),
    entry('new ExponentialMovingAverage', 'ExponentialMovingAverage', (k, v) => new ExponentialMovingAverage(generator, any(o(k, v)))),
    // Penalties
    entry('gradientPenalty', 'gradientPenalty', (k, v) => gradientPenalty(any(o(k, v)))),
    entry('r1Penalty', 'r1Penalty', (k, v) => r1Penalty(any(o(k, v)))),
    entry('relativisticAverage', 'relativisticAverage', (k, v) => relativisticAverage(any(o(k, v)))),
    entry('relativisticAverageLoss', 'relativisticAverage', (k, v) => relativisticAverageLoss('generator', any(o(k, v)))),
    // Layers
    entry('new Residual', 'Residual', (k, v) => new Residual(any({ layer: layer(), ...o(k, v) }))),
    entry('new PermanentDropout', 'PermanentDropout', (k, v) => new PermanentDropout(any({ rate: 0.5, ...o(k, v) }))),
    entry('new BatchSimilarity', 'BatchSimilarity', (k, v) => new BatchSimilarity(any(o(k, v)))),
    entry('new SpectralNormalization', 'SpectralNormalization', (k, v) => new SpectralNormalization(any({ layer: layer(), ...o(k, v) }))),
    entry('new RecurrentAttention1D', 'RecurrentAttention1D', (k, v) => new RecurrentAttention1D(any({ layer: tf.layers.simpleRNN({ units: 2 }), ...o(k, v) }))),
    entry('new RecurrentAttention2D', 'RecurrentAttention2D', (k, v) => new RecurrentAttention2D(any({ layer: tf.layers.simpleRNN({ units: 2 }), ...o(k, v) }))),
    entry('new constraints.MaxValue', 'MaxValue', (k, v) => new MaxValue(any(o(k, v)))),
    entry('losses.rbfMomentMatching', 'rbfMomentMatching', (k, v) => rbfMomentMatching(any(o(k, v)))),
    entry('new DiffAugment', 'DiffAugment', (k, v) => new DiffAugment(any(o(k, v)))),
    entry('new LatentSampling', 'LatentSampling', (k, v) => new LatentSampling(any({ shape: [2], ...o(k, v) }))),
    entry('diffAugment', 'diffAugment', (k, v) => diffAugment(images, any(o(k, v)))),
    // Callbacks
    entry('checkpoint', 'checkpoint', (k, v) => checkpoint(any({ model, url: 'memory://cb', every: { steps: 1 }, ...o(k, v) }))),
    entry('checkpoint({ every })', 'checkpoint', (k, v) => checkpoint(any({ model, url: 'memory://cb', every: { steps: 1, ...o(k, v) } }))),
    entry('adaptiveLearningRate', 'adaptiveLearningRate', (k, v) => adaptiveLearningRate(any({ model, generatorLr: 1, discriminatorLr: 1, ...o(k, v) }))),
    entry('imageGrid', 'imageGrid', (k, v) => imageGrid(any({ model, draw, ...o(k, v) }))),
    entry('imageGrid({ generator })', 'imageGrid', (k, v) => imageGrid(any({ generator: () => images, draw, ...o(k, v) }))),
    entry('learningRateScheduler', 'learningRateScheduler', (k, v) => learningRateScheduler(() => 0.1, any({ model: gan, ...o(k, v) }))),
    entry('tileImages', 'tileImages', (k, v) => tileImages(images, any(o(k, v)))),
    entry('pngFiles', 'pngFiles', (k, v) => pngFiles(any({ dir: 'unused', ...o(k, v) }))),
    // Latent space, backends and presets
    entry('latentSearch', 'latentSearch', (k, v) => latentSearch(generator, x, any({ steps: 1, ...o(k, v) }))),
    entry('interpolateLatents', 'interpolateLatents', (k, v) => interpolateLatents(z, z, 2, any(o(k, v)))),
    entry('pickBackend', 'pickBackend', (k, v) => pickBackend(any(o(k, v)))),
    entry('wganGpRing', 'wganGpRing', (k, v) => wganGpRing(any(o(k, v)))),
    entry('hingeSnRing', 'hingeSnRing', (k, v) => hingeSnRing(any(o(k, v)))),
    entry('mixtureLatentGan', 'mixtureLatentGan', (k, v) => mixtureLatentGan(any(o(k, v)))),
    entry('mixtureLatentGenerator', 'mixtureLatentGenerator', (k, v) => mixtureLatentGenerator(any({ latentDim: 2, categories: 2, hidden: 4, seed: 1, extent: 1, ...o(k, v) }))),
    entry('ringMlp', 'ringMlp', (k, v) => ringMlp(2, 1, any({ hidden: 4, seed: 1, activation: 'relu', name: 'mlp', ...o(k, v) }))),
  ];
}
