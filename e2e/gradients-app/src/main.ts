// A page the gradients spec drives through `window.harness`: it computes
// gandlf's gradient penalty and R1 (second-order gradients: the gradient, with
// respect to the critic's weights, of a norm of the critic's input gradient) on
// the backend named by `?backend=webgl|webgpu|wasm`, and returns plain numbers.
// The spec holds the closed forms and finite differences they are checked
// against (the same critics and values as the Node tests in
// packages/gandlf/src/penalties/).
import * as tf from '@tensorflow/tfjs';
import { backends, MissingGradientError, Model, penalties } from 'gandlf';
// tfjs-backend-wasm's binaries, emitted by Vite next to the bundle (no CDN: the tests run offline).
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

type Backend = 'webgl' | 'webgpu' | 'wasm';

/** A penalty's value and its gradient with respect to some critic weights. */
export interface PenaltyResult {
  value: number;
  /** One entry per weight asked for, as nested arrays in the weight's shape. */
  grads: unknown[];
  /** Tensors alive after the penalty and its gradient were read and freed, minus before (0: nothing leaked). */
  leaked: number;
}

/** What a max-pooling critic's training step threw. */
export interface ThrownResult {
  threw: boolean;
  name?: string;
  op?: string;
  message?: string;
  weightsUnchanged: boolean;
  leaked: number;
}

/** A linear critic `D(x) = w·x + b` named 'src' (as packages/gandlf/src/penalties/test-models.ts). */
function linearCritic(w: number[], b = 0): tf.LayersModel {
  const x = tf.input({ shape: [w.length] });
  const d = tf.layers.dense({ units: 1, name: 'src' });
  const model = tf.model({ inputs: x, outputs: d.apply(x) as tf.SymbolicTensor });
  model.setWeights([tf.tensor2d(w, [w.length, 1]), tf.tensor1d([b])]);
  return model;
}

/** The identity generator `G(z) = z` on 2-vectors. */
function identityGenerator(): tf.LayersModel {
  const z = tf.input({ shape: [2] });
  const g = tf.layers.dense({ units: 2, useBias: false });
  const model = tf.model({ inputs: z, outputs: g.apply(z) as tf.SymbolicTensor });
  model.setWeights([
    tf.tensor2d([
      [1, 0],
      [0, 1],
    ]),
  ]);
  return model;
}

/** The discriminator's penalty context on latents `z` and real data `x`. */
function context(model: Model, z: tf.Tensor, x: tf.Tensor): penalties.PenaltyContext {
  return model.game.context({ name: 'discriminator', model: model.adversarial.playerModels[1]! }, { inputs: [z, x], targets: [] }, true);
}

/** Nested arrays of zeros in `shape`. */
function zerosOf(shape: number[]): unknown {
  return shape.length === 0 ? 0 : Array.from({ length: shape[0]! }, () => zerosOf(shape.slice(1)));
}

/** `penalty` at (z, x) and its gradient w.r.t. `weights`, read back as numbers; frees every tensor it made. */
async function evaluate(penalty: penalties.Penalty, model: Model, z: tf.Tensor, x: tf.Tensor, weights: tf.LayerVariable[]): Promise<PenaltyResult> {
  const vars = weights.map((w) => w.read() as tf.Variable);
  const before = tf.memory().numTensors;
  const { value, grads } = tf.variableGrads(() => penalty.compute(context(model, z, x)), vars);
  // A weight that does not affect the penalty gets no gradient: report zeros.
  const out = {
    value: (await value.data())[0]!,
    grads: await Promise.all(vars.map((v) => (grads[v.name] ? grads[v.name]!.array() : zerosOf(v.shape)))),
  };
  tf.dispose([value, ...Object.values(grads)]);
  return { ...out, leaked: tf.memory().numTensors - before };
}

/** Runs `body`, frees what it made, and returns its result. */
async function run<T>(body: () => Promise<{ result: T; dispose: () => void }>): Promise<T> {
  const { result, dispose } = await body();
  dispose();
  return result;
}

function disposeModel(m: Model): void {
  m.generator.dispose();
  m.discriminator.dispose();
}

const harness = {
  backend: (): string => tf.getBackend(),

  /** GP (λ = 10) on D(x) = 3 x1 + 4 x2 + 0.5; gradients w.r.t. [kernel, bias]. */
  gpLinear: () =>
    run(async () => {
      const model = new Model({ generator: identityGenerator(), discriminator: linearCritic([3, 4], 0.5) });
      const [z, x] = [tf.randomNormal([6, 2], 0, 1, 'float32', 1), tf.randomNormal([6, 2], 0, 1, 'float32', 2)];
      const result = await evaluate(penalties.gradientPenalty({ weight: 10, seed: 1 }), model, z, x, model.discriminator.trainableWeights);
      return { result, dispose: () => (tf.dispose([z, x]), disposeModel(model)) };
    }),

  /** R1 (γ = 2) on D(x) = 3 x1 + 4 x2; gradient w.r.t. the kernel. */
  r1Linear: () =>
    run(async () => {
      const model = new Model({ generator: identityGenerator(), discriminator: linearCritic([3, 4]) });
      const x = tf.randomNormal([5, 2], 0, 1, 'float32', 1);
      const z = tf.zerosLike(x);
      const result = await evaluate(penalties.r1Penalty({ gamma: 2 }), model, z, x, [model.discriminator.trainableWeights[0]!]);
      return { result, dispose: () => (tf.dispose([z, x]), disposeModel(model)) };
    }),

  /**
   * GP (λ = 10) on D(x) = Σ_j v_j lrelu_α(W_j · x) at x̂ = x (G is the identity
   * and z = x); gradient w.r.t. the hidden kernel (shape [2, 3] = Wᵀ).
   */
  gpLeaky: (W: number[][], v: number[], xs: number[][], alpha: number) =>
    run(async () => {
      const xIn = tf.input({ shape: [2] });
      const hidden = tf.layers.dense({ units: W.length, useBias: false });
      const out = tf.layers.dense({ units: 1, useBias: false, name: 'src' });
      const d = tf.model({ inputs: xIn, outputs: out.apply(tf.layers.leakyReLU({ alpha }).apply(hidden.apply(xIn))) as tf.SymbolicTensor });
      d.setWeights([tf.tidy(() => tf.tensor2d(W).transpose()), tf.tensor2d(v, [v.length, 1])]);
      const model = new Model({ generator: identityGenerator(), discriminator: d });
      const x = tf.tensor2d(xs);
      const result = await evaluate(penalties.gradientPenalty({ seed: 3 }), model, x, x, [hidden.trainableWeights[0]!]);
      return { result, dispose: () => (x.dispose(), disposeModel(model)) };
    }),

  /** R1 (γ = 10) on D(x) = tanh(w·x + b); gradient w.r.t. the kernel (shape [2, 1]). */
  r1Tanh: (w: number[], b: number, xs: number[][]) =>
    run(async () => {
      const xIn = tf.input({ shape: [2] });
      const d = tf.model({ inputs: xIn, outputs: tf.layers.dense({ units: 1, activation: 'tanh', name: 'src' }).apply(xIn) as tf.SymbolicTensor });
      d.setWeights([tf.tensor2d(w, [2, 1]), tf.tensor1d([b])]);
      const model = new Model({ generator: identityGenerator(), discriminator: d });
      const x = tf.tensor2d(xs);
      const z = tf.zerosLike(x);
      const result = await evaluate(penalties.r1Penalty({ gamma: 10 }), model, z, x, [d.trainableWeights[0]!]);
      return { result, dispose: () => (tf.dispose([z, x]), disposeModel(model)) };
    }),

  /** tanh'', sigmoid'' and exp'' at 0.5 by tf.grad(tf.grad(f)), after a penalty has patched tfjs. */
  async secondDerivatives(): Promise<{ tanh: number; sigmoid: number; exp: number }> {
    penalties.gradientPenalty();
    const x = tf.scalar(0.5);
    const second = async (f: (v: tf.Tensor) => tf.Tensor) => {
      const g = tf.grad(tf.grad(f))(x);
      const value = (await g.data())[0]!;
      g.dispose();
      return value;
    };
    const out = { tanh: await second((v) => tf.tanh(v)), sigmoid: await second((v) => tf.sigmoid(v)), exp: await second((v) => tf.exp(v)) };
    x.dispose();
    return out;
  },

  /**
   * A training step of a conv + max-pooling critic under a gradient penalty
   * (as second-order.test.ts): what it throws, whether the weights moved, leaks.
   */
  async maxPool(): Promise<ThrownResult> {
    const z = tf.input({ shape: [3] });
    const img = tf.layers.reshape({ targetShape: [4, 4, 1] }).apply(tf.layers.dense({ units: 16 }).apply(z)) as tf.SymbolicTensor;
    const generator = tf.model({ inputs: z, outputs: img });
    const discriminator = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, strides: 2, padding: 'same' }),
        tf.layers.maxPooling2d({ poolSize: 2, padding: 'same' }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 1 }),
      ],
    });
    const model = new Model({ generator, discriminator });
    model.compile({ loss: 'wasserstein', penalties: { discriminator: [penalties.gradientPenalty()] } });
    const data = tf.randomNormal([4, 4, 4, 1], 0, 1, 'float32', 1);
    // Read back with data(): webgpu's dataSync goes through a canvas and is not exact.
    const snapshot = async () => JSON.stringify(await Promise.all(model.discriminator.getWeights().map(async (w) => Array.from(await w.data()))));
    const weights = await snapshot();
    const before = tf.memory().numTensors;
    const error = await model.trainOnBatch(['normal', data], [-1, 1]).then(
      () => undefined,
      (e: unknown) => e as Error & { op?: string },
    );
    const leaked = tf.memory().numTensors - before;
    const weightsUnchanged = (await snapshot()) === weights;
    data.dispose();
    disposeModel(model);
    if (!error) return { threw: false, weightsUnchanged, leaked };
    return {
      threw: true,
      name: error.name,
      ...(error instanceof MissingGradientError ? { op: error.op } : {}),
      message: String(error.message),
      weightsUnchanged,
      leaked,
    };
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}

async function main(): Promise<void> {
  const backend = (new URLSearchParams(location.search).get('backend') ?? 'webgl') as Backend;
  if (backend === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
    });
    backends.registerWasmConvGradients();
  }
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} is not available`);
  await tf.ready();
  window.harness = harness;
  document.body.dataset.backend = tf.getBackend();
  document.body.dataset.status = 'ready';
}

main().catch((e: unknown) => {
  document.body.dataset.status = 'error';
  document.body.dataset.error = String((e as Error)?.message ?? e);
});
