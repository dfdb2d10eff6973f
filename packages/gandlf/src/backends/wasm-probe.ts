/**
 * Finds the kernels that training a model on `wasm` needs and wasm lacks, by
 * running what training runs: one forward pass with `training: true` on a tiny
 * batch of zeros, and the backward pass for its trainable weights. A list of
 * layer names misses layers nobody listed (an Embedding needs
 * `UnsortedSegmentSum`, the gradient of `gather`); the real pass does not.
 *
 * It runs on whatever backend is active, synchronously (compile is synchronous,
 * and switching backends is not), and decides from both ends:
 * - the pass runs under an outer tape, so every kernel of the forward *and* the
 *   backward pass is recorded (tfjs keeps recording while an outer gradient is
 *   open, as it does for second-order gradients); each recorded kernel is looked
 *   up with `tf.getKernel(name, 'wasm')`. Off wasm, that finds all of them at once.
 * - on wasm, the first missing kernel throws "Kernel 'X' not registered for
 *   backend 'wasm'"; it is caught and reported.
 * A kernel without a gradient (tfjs: "gradient function not found for X") is
 * reported too: no backend can train through it.
 */
import * as tf from '@tensorflow/tfjs';
import { missingGradientOp } from '../errors';
import { WASM } from './kernel-scope';
import { disposeStaleTape } from './stale-tape';

const NOT_REGISTERED = /Kernel '(\w+)' not registered for backend '(\w+)'/;

/** What the probe found: kernels wasm lacks, and kernels with no gradient at all. */
export interface ProbeResult {
  /** Kernels the step runs that have no `wasm` kernel. */
  missing: string[];
  /** Kernels the backward pass meets that have no gradient function on any backend. */
  noGradient: string[];
  /** False when the probe could not run the step (no inputs, no trainable weights, an unrelated error). */
  ran: boolean;
}

/** A batch of zeros for each input: null dims become 1, the batch 2 (batch statistics need two rows). */
function probeInputs(model: tf.LayersModel): tf.Tensor[] {
  return model.inputs.map((t) => {
    const shape = t.shape.map((d, i) => d ?? (i === 0 ? 2 : 1));
    return tf.zeros(shape, t.dtype === 'int32' ? 'int32' : 'float32');
  });
}

/** The sum of every float output, so that each one gets a gradient. */
function probeLoss(model: tf.LayersModel, inputs: tf.Tensor[]): tf.Scalar {
  const out = model.apply(inputs.length === 1 ? inputs[0]! : inputs, { training: true }) as tf.Tensor | tf.Tensor[];
  const floats = (Array.isArray(out) ? out : [out]).filter((o) => o.dtype === 'float32');
  return floats.length === 0 ? tf.scalar(0) : (tf.addN(floats.map((o) => tf.sum(o))) as tf.Scalar);
}

/** The kernel names on the engine's tape (scope names of custom gradients are not kernels: filtered by the caller). */
function tapeKernels(): string[] {
  // tfjs types the tape as always there; it is null when no gradient is open.
  const tape: readonly { kernelName: string }[] | null = tf.engine().state.activeTape;
  return tape?.map((n) => n.kernelName) ?? [];
}

/** tfjs's getKernel returns undefined for unknown keys, though its type says otherwise. */
const hasKernel = (name: string, backend: string): boolean => (tf.getKernel(name, backend) as tf.KernelConfig | undefined) !== undefined;

/**
 * Runs one training step's forward and backward pass of `model` (no weight
 * changes: batch-norm statistics and other non-trainable weights are restored)
 * and reports the kernels wasm lacks for it. Leaks no tensors.
 *
 * @example
 * probeWasmKernels(generator).missing; // ['UnsortedSegmentSum'] on a plain tfjs-backend-wasm 4.22
 */
export function probeWasmKernels(model: tf.LayersModel): ProbeResult {
  const none: ProbeResult = { missing: [], noGradient: [], ran: false };
  // LayerVariable.read() is typed as a Tensor; it returns the tf.Variable behind the weight.
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable).filter((v) => v.trainable);
  // Inside someone's gradient the probe would write to their tape: skip it there.
  if (!model.inputs?.length || vars.length === 0 || tf.engine().state.gradientDepth > 0) return none;
  const active = tf.getBackend();
  const stateful = model.nonTrainableWeights.map((w) => w.read() as tf.Variable);
  const dataIds = stateful.map((v) => v.dataId);
  const saved = stateful.map((v) => v.clone());
  let recorded: string[] = [];
  let error: unknown;
  try {
    tf.tidy(() => {
      const marker = tf.scalar(0);
      // The outer gradient only keeps a tape open around the step; its own backward pass is empty.
      tf.engine().gradients(
        () => {
          const inputs = probeInputs(model);
          tf.variableGrads(() => probeLoss(model, inputs), vars);
          recorded = tapeKernels();
          return marker;
        },
        [marker],
        undefined,
        true,
      );
    });
  } catch (e) {
    error = e;
    recorded = tapeKernels();
    disposeStaleTape();
  } finally {
    // Assign the tf.Variable itself: LayerVariable.write would also re-apply constraints.
    stateful.forEach((v, i) => {
      if (v.dataId !== dataIds[i]) v.assign(saved[i]!);
    });
    tf.dispose(saved);
  }
  // Scope names of custom gradients sit on the tape too: a kernel is a name the active backend ran.
  const kernels = new Set(recorded.filter((name) => hasKernel(name, active)));
  const missing = [...kernels].filter((name) => !hasKernel(name, WASM));
  const noGradient: string[] = [];
  if (error !== undefined) {
    const message = error instanceof Error ? error.message : String(error);
    const notRegistered = NOT_REGISTERED.exec(message);
    const gradientless = missingGradientOp(error);
    if (notRegistered && notRegistered[2] === WASM) missing.push(notRegistered[1]!);
    else if (gradientless) noGradient.push(gradientless);
    // Anything else (say, a shape the zeros batch does not fit) says nothing about wasm.
    else return { missing, noGradient, ran: false };
  }
  return { missing: [...new Set(missing)], noGradient, ran: true };
}
