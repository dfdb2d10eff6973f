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
 *   interleaved with packs and a reshape, so no multiply lands on an inserted
 *   zero (below 16 channels, one conv computes all phases as channel blocks).
 *
 * Only the `wasm` registry is touched, so no other backend's results change.
 * This module imports `@tensorflow/tfjs` only: the wasm package is the user's.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { scoped, WASM, type Info } from './kernel-scope';
import { batchMatMulWasm } from './wasm-matmul';
import { probeWasmKernels } from './wasm-probe';
import { unsortedSegmentSumWasm } from './wasm-segment-sum';

type Pair = [number, number];

const toNHWC = [0, 2, 3, 1];
const toNCHW = [0, 3, 1, 2];

/** Conv geometry of an NHWC input; dilation 1, which tfjs's conv gradients require. */
function convInfo(inShape: number[], filterShape: number[], attrs: tf.NamedAttrMap): tf.backend_util.Conv2DInfo {
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
const nhwcShape = (shape: readonly number[], nchw: boolean): number[] => (nchw ? [shape[0]!, shape[2]!, shape[3]!, shape[1]!] : [...shape]);

/** Conv2DBackpropFilter: `dW[i, j, c, o] = sum over n, y, x of xPad[n, y*s + i, x*s + j, c] * dy[n, y, x, o]`. */
function conv2DBackpropFilterWasm(args: Parameters<tf.KernelFunc>[0]): Info {
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
        pad: [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ],
        dataFormat: 'NHWC',
        dilations: [sH, sW],
      },
    ); // [C, fh, fw, O]
    return k.run('Transpose', { x: dw }, { perm: [1, 2, 0, 3] });
  });
}

/** Below this many channels in the gradient it computes, the input gradient runs all phases as one conv. */
const FEW_CHANNELS = 16;

/**
 * The stride-1 correlation kernels of the input gradient, `[a, b, O, phases * C]`.
 * Output row `s*q + p` of the padded input gradient takes taps `i = p + s*t` of the
 * filter from `dy[q - t]`; read as a correlation over dy padded by `a - 1` rows,
 * that is tap `a - 1 - t` of the result. Taps past the filter are zero.
 */
function phaseKernel(w: Float32Array, [fh, fw, c, o]: readonly [number, number, number, number], [sH, sW]: Pair, phases: readonly Pair[], a: number, b: number): Float32Array {
  const out = new Float32Array(a * b * o * phases.length * c);
  const width = phases.length * c;
  phases.forEach(([py, px], block) => {
    for (let t1 = 0; t1 < a; t1++) {
      const i = py + sH * (a - 1 - t1);
      if (i >= fh) continue;
      for (let t2 = 0; t2 < b; t2++) {
        const j = px + sW * (b - 1 - t2);
        if (j >= fw) continue;
        for (let ci = 0; ci < c; ci++) {
          const from = ((i * fw + j) * c + ci) * o;
          const to = (t1 * b + t2) * o * width + block * c + ci;
          for (let oi = 0; oi < o; oi++) out[to + oi * width] = w[from + oi]!;
        }
      }
    }
  });
  return out;
}

/** Conv2DBackpropInput (the conv2dTranspose forward pass), built from stride-1 convs over output phases. */
function conv2DBackpropInputWasm(args: Parameters<tf.KernelFunc>[0]): Info {
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

    // Filters are small (a DCGAN layer's has 200K weights): rearrange them in JS, where it
    // takes a millisecond, rather than with wasm's strided slice, reverse and transpose.
    const weights = k.read(filter);
    const kernel = (phases: Pair[], a: number, b: number): Info => k.write(phaseKernel(weights, [fh, fw, c, o], [sH, sW], phases, a, b), [a, b, o, phases.length * c]);
    const conv = (kernelInfo: Info, a: number, b: number): Info =>
      k.run(
        'Conv2D',
        { x: dy, filter: kernelInfo },
        {
          strides: [1, 1],
          pad: [
            [0, 0],
            [a - 1, qH - oH],
            [b - 1, qW - oW],
            [0, 0],
          ],
          dataFormat: 'NHWC',
          dilations: [1, 1],
        },
      );
    let phases: Info;
    if (c < FEW_CHANNELS) {
      // Few output channels make thin GEMMs: one conv computes every phase as a channel
      // block, [N, qH, qW, sH*sW*C], at the cost of multiplying the zero taps of short phases.
      const [a, b] = [Math.ceil(fh / sH), Math.ceil(fw / sW)];
      const all: Pair[] = [];
      for (let py = 0; py < sH; py++) for (let px = 0; px < sW; px++) all.push([py, px]);
      const blocks = conv(kernel(all, a, b), a, b);
      const split = k.run('Reshape', { x: blocks }, { shape: [n * qH, qW, sH, sW * c] });
      phases = k.run('Transpose', { x: split }, { perm: [0, 2, 1, 3] }); // [N*qH, sH, qW, sW*C]
    } else {
      // Otherwise one conv per phase, each with its own taps only: no multiply is wasted.
      const rows: Info[] = [];
      for (let py = 0; py < sH; py++) {
        const cols: Info[] = [];
        for (let px = 0; px < sW; px++) {
          const [a, b] = [Math.ceil((fh - py) / sH), Math.ceil((fw - px) / sW)];
          // a or b is 0 when the filter is smaller than the stride: no tap lands on this phase.
          cols.push(a <= 0 || b <= 0 ? k.run('Fill', {}, { shape: [n, qH, qW, c], value: 0, dtype: 'float32' }) : conv(kernel([[py, px]], a, b), a, b)); // [N, qH, qW, C]
        }
        rows.push(sW === 1 ? cols[0]! : k.runList('Pack', cols, { axis: 3 })); // [N, qH, qW, sW, C]
      }
      // [N, qH, sH, qW, sW, C] is the padded input gradient in row-major order.
      phases = sH === 1 ? rows[0]! : k.runList('Pack', rows, { axis: 2 });
    }
    const padded = k.run('Reshape', { x: phases }, { shape: [n, qH * sH, qW * sW, c] });
    const dx = top === 0 && left === 0 && qH * sH === h && qW * sW === w ? padded : k.run('Slice', { x: padded }, { begin: [0, top, left, 0], size: [n, h, w, c] });
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
 * Lets conv nets train on the tfjs `wasm` backend, and fast: registers a
 * `Conv2DBackpropFilter` kernel for `wasm` (it has none), replaces its
 * loop-based `Conv2DBackpropInput` with one built on XNNPACK convolutions, and
 * wraps its `BatchMatMul` so that transposed products (dense layers' gradients)
 * take XNNPACK too. Also registers `UnsortedSegmentSum` (none in 4.22), the
 * gradient of `gather`, so Embedding layers train there. Idempotent. Call it after importing
 * `@tensorflow/tfjs-backend-wasm` (its import registers wasm's own kernels, and
 * `BatchMatMul` is only wrapped when there) and before training. Other backends
 * are untouched.
 *
 * @example
 * import '@tensorflow/tfjs-backend-wasm';
 * backends.registerWasmConvGradients();
 * await tf.setBackend('wasm');
 */
export function registerWasmConvGradients(): WasmConvRegistration {
  const registered: string[] = [];
  const install = (kernelName: string, make: (current: tf.KernelConfig | undefined) => tf.KernelFunc | undefined) => {
    const current = kernelRegistered(kernelName);
    if (current && ours.has(current.kernelFunc)) return;
    const kernelFunc = make(current);
    if (!kernelFunc) return;
    // registerKernel warns when it overwrites; unregister first to say we mean it.
    if (current) tf.unregisterKernel(kernelName, WASM);
    tf.registerKernel({ kernelName, backendName: WASM, kernelFunc, ...(current?.setupFunc ? { setupFunc: current.setupFunc } : {}) });
    ours.add(kernelFunc);
    registered.push(kernelName);
  };
  install('Conv2DBackpropFilter', () => conv2DBackpropFilterWasm);
  install('Conv2DBackpropInput', () => conv2DBackpropInputWasm);
  install('BatchMatMul', (current) => current && batchMatMulWasm(current.kernelFunc));
  // A later tfjs-backend-wasm may bring its own: keep it.
  install('UnsortedSegmentSum', (current) => (current ? undefined : unsortedSegmentSumWasm));
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
 * is registered for. First the layer kinds in gandlf's table (convolutions,
 * pooling, upsampling), as `LayerClass: Kernel`; then a probe runs each model's
 * real forward and backward pass on a tiny batch (see backends/wasm-probe.ts)
 * and adds what else is missing, as `modelName: Kernel`, so layers nobody listed
 * (custom layers, wrappers) count too. Empty means the models can train there.
 * Import the wasm backend and call `registerWasmConvGradients()` first, or
 * every kernel counts as missing.
 *
 * @example
 * backends.missingWasmKernels([generator, discriminator]); // [] after backends.registerWasmConvGradients()
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
    const known = new Set([...missing].map((entry) => entry.slice(entry.indexOf(': ') + 2)));
    const probe = probeWasmKernels(m);
    for (const kernel of probe.missing) if (!known.has(kernel)) missing.add(`${m.name}: ${kernel}`);
    for (const kernel of probe.noGradient) missing.add(`${m.name}: ${kernel} (no gradient on any backend)`);
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
 * backends.registerWasmConvGradients();
 * if (backends.canTrainOnWasm([generator, discriminator])) await tf.setBackend('wasm');
 */
export function canTrainOnWasm(models: tf.LayersModel | readonly tf.LayersModel[]): boolean {
  return missingWasmKernels(models).length === 0;
}
