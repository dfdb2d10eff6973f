/**
 * Conv training on the tfjs `wasm` backend.
 *
 * tfjs-backend-wasm 4.22 has no `Conv2DBackpropFilter` kernel (tfjs issue 8474),
 * so the filter gradient of `conv2d` and `conv2dTranspose` throws there, and its
 * `Conv2DBackpropInput` is a plain loop that takes about a second for a DCGAN
 * layer. Both are rewritten here as stride-1 `Conv2D` calls, which wasm runs
 * through XNNPACK, plus cheap transposes, packs and slices:
 *
 * - filter gradient: `dW = conv2d(x as [C, H, W, N], dy as [oH, oW, N, O], dilation = stride)`,
 *   i.e. the batch becomes the contracted channel axis (a GEMM with K = oH*oW*N);
 * - input gradient: split by output phase (`y mod stride`): each phase is a
 *   stride-1 conv of `dy` with one flipped sub-kernel, and the phases are
 *   interleaved with two packs and a reshape. No multiply lands on an inserted zero.
 *
 * Only the `wasm` registry is touched, so no other backend's results change.
 * This module imports `@tensorflow/tfjs` only: the wasm package is the user's.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';

const WASM = 'wasm';
type Info = tf.TensorInfo;
type Pair = [number, number];

/** The part of a tfjs backend that kernels need to free their intermediates. */
interface DisposingBackend {
  disposeData(dataId: object, force?: boolean): boolean;
}

function isDisposingBackend(b: unknown): b is DisposingBackend {
  return typeof b === 'object' && b !== null && typeof (b as { disposeData?: unknown }).disposeData === 'function';
}

/**
 * Runs other wasm kernels directly (as tfjs's own kernels do), so nothing is
 * recorded on the gradient tape or tracked by the engine, and frees every
 * intermediate it made except the result.
 */
class KernelScope {
  private readonly made: Info[] = [];
  constructor(private readonly backend: DisposingBackend) {}

  run(kernelName: string, inputs: Record<string, Info>, attrs: tf.NamedAttrMap = {}): Info {
    const out = tf.getKernel(kernelName, WASM).kernelFunc({ inputs, backend: this.backend, attrs });
    const info = Array.isArray(out) ? out[0]! : out;
    this.made.push(info);
    return info;
  }

  /** `run` with a list of inputs (Pack, Concat). */
  runList(kernelName: string, inputs: Info[], attrs: tf.NamedAttrMap): Info {
    return this.run(kernelName, inputs as unknown as Record<string, Info>, attrs);
  }

  /** Frees everything `run` made except `result`, and returns `result`. */
  finish(result: Info): Info {
    for (const t of this.made) if (t !== result) this.backend.disposeData(t.dataId);
    return result;
  }

  /** Frees everything `run` made (on the error path). */
  abandon(): void {
    for (const t of this.made) this.backend.disposeData(t.dataId);
  }
}

/** Wraps a kernel body so that a throw still frees the intermediates. */
function scoped(backend: unknown, kernelName: string, body: (k: KernelScope) => Info): Info {
  if (!isDisposingBackend(backend)) {
    throw new InvalidArgumentError(`'${kernelName}' (gandlf wasm kernel) needs a tfjs backend. Received: backend=${describe(backend)}`);
  }
  const k = new KernelScope(backend);
  try {
    return k.finish(body(k));
  } catch (e) {
    k.abandon();
    throw e;
  }
}

const toNHWC = [0, 2, 3, 1];
const toNCHW = [0, 3, 1, 2];

function convInfo(
  inShape: number[],
  filterShape: number[],
  attrs: tf.NamedAttrMap,
): tf.backend_util.Conv2DInfo {
  const { strides, pad, dimRoundingMode } = attrs;
  return tf.backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    strides as number | Pair,
    1,
    pad as 'same' | 'valid' | number | tf.backend_util.ExplicitPadding,
    dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
    false,
    'channelsLast',
  );
}

/** `[N, H, W, C]` of a tensor in the kernel's data format. */
const nhwcShape = (shape: readonly number[], nchw: boolean): number[] =>
  nchw ? [shape[0]!, shape[2]!, shape[3]!, shape[1]!] : [...shape];

/** Conv2DBackpropFilter: `dW[i, j, c, o] = sum over n, y, x of xPad[n, y*s + i, x*s + j, c] * dy[n, y, x, o]`. */
function conv2DBackpropFilterWasm(args: { inputs: tf.NamedTensorInfoMap; backend: {}; attrs?: tf.NamedAttrMap }): Info {
  const name = 'Conv2DBackpropFilter';
  const attrs = args.attrs ?? {};
  return scoped(args.backend, name, (k) => {
    let x = args.inputs['x']!;
    let dy = args.inputs['dy']!;
    const nchw = attrs['dataFormat'] === 'NCHW';
    if (nchw) {
      x = k.run('Transpose', { x }, { perm: toNHWC });
      dy = k.run('Transpose', { x: dy }, { perm: toNHWC });
    }
    const filterShape = attrs['filterShape'] as number[];
    const info = convInfo(x.shape, filterShape, attrs);
    const [n, h, w, c] = x.shape as [number, number, number, number];
    const [oH, oW] = [dy.shape[1]!, dy.shape[2]!];
    if (info.outHeight !== oH || info.outWidth !== oW || dy.shape[0] !== n) {
      throw new ShapeMismatchError(
        `'${name}' (gandlf wasm kernel): dy of shape [${dy.shape.join(',')}] does not fit x of shape [${x.shape.join(',')}] and filter [${filterShape.join(',')}]; expected [${n},${info.outHeight},${info.outWidth},${filterShape[3]}].`,
      );
    }
    const [sH, sW, fh, fw] = [info.strideHeight, info.strideWidth, info.filterHeight, info.filterWidth];
    const { top, left } = info.padInfo;
    // Rows of the padded input that the filter actually reads; 'valid' may leave some unread.
    let bottom = (oH - 1) * sH + fh - top - h;
    let right = (oW - 1) * sW + fw - left - w;
    if (bottom < 0 || right < 0) {
      x = k.run('Slice', { x }, { begin: [0, 0, 0, 0], size: [n, h + Math.min(bottom, 0), w + Math.min(right, 0), c] });
      bottom = Math.max(bottom, 0);
      right = Math.max(right, 0);
    }
    // The batch axis becomes the conv's input-channel axis; the input channels become its batch.
    const xT = k.run('Transpose', { x }, { perm: [3, 1, 2, 0] }); // [C, H, W, N]
    const dyT = k.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }); // [oH, oW, N, O]
    const dw = k.run(
      'Conv2D',
      { x: xT, filter: dyT },
      {
        strides: [1, 1],
        pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
        dataFormat: 'NHWC',
        dilations: [sH, sW],
      },
    ); // [C, fh, fw, O]
    return k.run('Transpose', { x: dw }, { perm: [1, 2, 0, 3] });
  });
}

/** Conv2DBackpropInput (the conv2dTranspose forward pass), one stride-1 conv per output phase. */
function conv2DBackpropInputWasm(args: { inputs: tf.NamedTensorInfoMap; backend: {}; attrs?: tf.NamedAttrMap }): Info {
  const name = 'Conv2DBackpropInput';
  const attrs = args.attrs ?? {};
  return scoped(args.backend, name, (k) => {
    let dy = args.inputs['dy']!;
    const filter = args.inputs['filter']!;
    const nchw = attrs['dataFormat'] === 'NCHW';
    if (nchw) dy = k.run('Transpose', { x: dy }, { perm: toNHWC });
    const inputShape = nhwcShape(attrs['inputShape'] as number[], nchw);
    const info = convInfo(inputShape, filter.shape, attrs);
    const [n, h, w, c] = inputShape as [number, number, number, number];
    const [fh, fw, , o] = filter.shape as [number, number, number, number];
    if (info.outHeight !== dy.shape[1] || info.outWidth !== dy.shape[2] || dy.shape[0] !== n || dy.shape[3] !== o) {
      throw new ShapeMismatchError(
        `'${name}' (gandlf wasm kernel): dy of shape [${dy.shape.join(',')}] does not fit inputShape [${inputShape.join(',')}] and filter [${filter.shape.join(',')}]; expected [${n},${info.outHeight},${info.outWidth},${o}].`,
      );
    }
    const [sH, sW] = [info.strideHeight, info.strideWidth];
    const { top, left } = info.padInfo;
    // Rows (cols) of the padded input per phase: enough to cover top + h.
    const qH = Math.ceil((top + h) / sH);
    const qW = Math.ceil((left + w) / sW);
    // dy rows past qH only reach padded rows that are cropped away.
    const oH = Math.min(dy.shape[1]!, qH);
    const oW = Math.min(dy.shape[2]!, qW);
    if (oH < dy.shape[1]! || oW < dy.shape[2]!) dy = k.run('Slice', { x: dy }, { begin: [0, 0, 0, 0], size: [n, oH, oW, o] });

    const rows: Info[] = [];
    for (let py = 0; py < sH; py++) {
      const cols: Info[] = [];
      for (let px = 0; px < sW; px++) {
        const a = Math.max(0, Math.ceil((fh - py) / sH));
        const b = Math.max(0, Math.ceil((fw - px) / sW));
        if (a === 0 || b === 0) {
          // No filter tap lands on this phase (filter smaller than the stride).
          cols.push(k.run('Fill', {}, { shape: [n, qH, qW, c], value: 0, dtype: 'float32' }));
          continue;
        }
        // Taps i = py + sH*t read dy[q - t]: a correlation with the reversed sub-kernel.
        const sub = k.run(
          'StridedSlice',
          { x: filter },
          { begin: [py, px, 0, 0], end: [fh, fw, c, o], strides: [sH, sW, 1, 1], beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0 },
        );
        const flipped = k.run('Reverse', { x: sub }, { dims: [0, 1] });
        const kernel = k.run('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] }); // [a, b, O, C]
        cols.push(
          k.run(
            'Conv2D',
            { x: dy, filter: kernel },
            { strides: [1, 1], pad: [[0, 0], [a - 1, qH - oH], [b - 1, qW - oW], [0, 0]], dataFormat: 'NHWC', dilations: [1, 1] },
          ),
        ); // [N, qH, qW, C]
      }
      rows.push(sW === 1 ? cols[0]! : k.runList('Pack', cols, { axis: 3 })); // [N, qH, qW, sW, C]
    }
    // [N, qH, sH, qW, sW, C] is the padded input gradient in row-major order.
    const phases = sH === 1 ? rows[0]! : k.runList('Pack', rows, { axis: 2 });
    const padded = k.run('Reshape', { x: phases }, { shape: [n, qH * sH, qW * sW, c] });
    const dx =
      top === 0 && left === 0 && qH * sH === h && qW * sW === w
        ? padded
        : k.run('Slice', { x: padded }, { begin: [0, top, left, 0], size: [n, h, w, c] });
    return nchw ? k.run('Transpose', { x: dx }, { perm: toNCHW }) : dx;
  });
}

/** What `registerWasmConvGradients` put in place. */
export interface WasmConvRegistration {
  /** Kernels gandlf registered for `wasm` by this call (empty when already done). */
  registered: string[];
}

const ours = new Set<tf.KernelFunc>();

/**
 * Lets conv nets train on the tfjs `wasm` backend: registers a
 * `Conv2DBackpropFilter` kernel for `wasm` (it has none) and replaces its slow
 * `Conv2DBackpropInput` with one built on XNNPACK convolutions. Idempotent.
 * Call it after importing `@tensorflow/tfjs-backend-wasm` (whose import would
 * otherwise re-register its own `Conv2DBackpropInput`) and before training.
 * Other backends are untouched.
 *
 * @example
 * import '@tensorflow/tfjs-backend-wasm';
 * registerWasmConvGradients();
 * await tf.setBackend('wasm');
 */
export function registerWasmConvGradients(): WasmConvRegistration {
  const registered: string[] = [];
  const install = (kernelName: string, kernelFunc: tf.KernelFunc) => {
    const current = kernelRegistered(kernelName);
    if (current && ours.has(current.kernelFunc)) return;
    // registerKernel warns when it overwrites; unregister first to say we mean it.
    if (current) tf.unregisterKernel(kernelName, WASM);
    tf.registerKernel({ kernelName, backendName: WASM, kernelFunc });
    ours.add(kernelFunc);
    registered.push(kernelName);
  };
  install('Conv2DBackpropFilter', conv2DBackpropFilterWasm as tf.KernelFunc);
  install('Conv2DBackpropInput', conv2DBackpropInputWasm as tf.KernelFunc);
  return { registered };
}

/** The `wasm` kernel of that name, or undefined (tfjs's getKernel returns undefined for unknown keys). */
function kernelRegistered(kernelName: string): tf.KernelConfig | undefined {
  return tf.getKernel(kernelName, WASM) as tf.KernelConfig | undefined;
}

/** Kernels each Keras layer class needs for a forward and a backward pass. */
const LAYER_KERNELS: Record<string, readonly string[]> = {
  Conv1D: ['Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput'],
  Conv2D: ['Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput'],
  Conv2DTranspose: ['Conv2DBackpropInput', 'Conv2D', 'Conv2DBackpropFilter'],
  DepthwiseConv2D: ['DepthwiseConv2dNative', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput'],
  SeparableConv2D: ['DepthwiseConv2dNative', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput'],
  Conv3D: ['Conv3D', 'Conv3DBackpropFilterV2', 'Conv3DBackpropInputV2'],
  MaxPooling2D: ['MaxPool', 'MaxPoolGrad'],
  AveragePooling2D: ['AvgPool', 'AvgPoolGrad'],
  UpSampling2D: ['ResizeNearestNeighbor', 'ResizeNearestNeighborGrad', 'ResizeBilinear', 'ResizeBilinearGrad'],
};

function layersOf(model: tf.LayersModel): tf.layers.Layer[] {
  // Nested models (a Sequential inside a functional model) are layers too.
  return model.layers.flatMap((l) => (l instanceof tf.LayersModel ? layersOf(l) : [l]));
}

/**
 * Kernels that training these models on `wasm` would need but that no kernel
 * is registered for, as `LayerClass: Kernel`. Checks the layer kinds listed in
 * gandlf's table (convolutions, pooling, upsampling); dense, activation,
 * normalization and reshaping layers run on wasm's own kernels. Empty means
 * the models can train there. Import the wasm backend and call
 * `registerWasmConvGradients()` first, or every kernel counts as missing.
 *
 * @example
 * missingWasmKernels([generator, discriminator]); // [] after registerWasmConvGradients()
 */
export function missingWasmKernels(models: tf.LayersModel | readonly tf.LayersModel[]): string[] {
  const list = Array.isArray(models) ? models : [models];
  const missing = new Set<string>();
  for (const [i, m] of list.entries()) {
    if (!(m instanceof tf.LayersModel)) {
      throw new InvalidArgumentError(`Argument 'models' passed to 'missingWasmKernels' must hold tf.LayersModel instances. Received: models[${i}]=${describe(m)}`);
    }
    for (const layer of layersOf(m)) {
      const cls = layer.getClassName();
      for (const kernel of LAYER_KERNELS[cls] ?? []) {
        // UpSampling2D uses one of its two interpolations; count the one it has.
        if (cls === 'UpSampling2D' && !kernel.startsWith(upsamplingKernel(layer))) continue;
        if (!kernelRegistered(kernel)) missing.add(`${cls}: ${kernel}`);
      }
    }
  }
  return [...missing];
}

function upsamplingKernel(layer: tf.layers.Layer): string {
  const config = layer.getConfig();
  return config['interpolation'] === 'bilinear' ? 'ResizeBilinear' : 'ResizeNearestNeighbor';
}

/**
 * True when the `wasm` backend has every kernel these models need to train
 * (see `missingWasmKernels`).
 *
 * @example
 * registerWasmConvGradients();
 * if (canTrainOnWasm([generator, discriminator])) await tf.setBackend('wasm');
 */
export function canTrainOnWasm(models: tf.LayersModel | readonly tf.LayersModel[]): boolean {
  return missingWasmKernels(models).length === 0;
}
