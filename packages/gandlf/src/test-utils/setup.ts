import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';

// Unit tests run on the deterministic pure-JS cpu backend.
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});
