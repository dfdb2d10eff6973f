import '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { DepthwiseBlock } from '../test-utils/wasm';
import { pickBackend } from './pick-backend';

const require = createRequire(import.meta.url);
setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');

afterAll(async () => {
  await tf.setBackend('cpu');
});

const conv = () => tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3 })] });
const depthwise = () => tf.sequential({ layers: [tf.layers.depthwiseConv2d({ inputShape: [6, 6, 1], kernelSize: 3 })] });

it('picks wasm for conv nets, skipping unregistered names', async () => {
  const m = conv();
  expect(await pickBackend({ prefer: ['no-such-backend', 'wasm', 'cpu'], models: [m] })).toBe('wasm');
  expect(tf.getBackend()).toBe('wasm');
  m.dispose();
});

it('falls back to cpu when wasm lacks a kernel the models need (depthwise conv gradients)', async () => {
  const m = depthwise();
  expect(await pickBackend({ models: [conv(), m] })).toBe('cpu');
  m.dispose();
});

it('falls back to cpu for a layer no list of layer names knows: the probe runs its backward pass', async () => {
  const m = tf.sequential({ layers: [new DepthwiseBlock({ inputShape: [6, 6, 1] }), tf.layers.flatten(), tf.layers.dense({ units: 1 })] });
  expect(await pickBackend({ models: [m] })).toBe('cpu');
  m.dispose();
});

it('rejects an empty preference list and one with nothing usable', async () => {
  await expect(pickBackend({ prefer: [] })).rejects.toThrowError(InvalidArgumentError);
  await expect(pickBackend({ prefer: ['no-such-backend'] })).rejects.toThrowError(/could not set any.*no-such-backend/);
});
