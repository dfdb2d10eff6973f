import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { buildGan } from '../helpers/builders';
import { ganTargets } from '../helpers/targets';
import { Alternating } from './alternating';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { AdversarialModel, type FitArgs } from './adversarial-model';

// `fit` finds its stream on the real process.stdout, looked up when it runs;
// these tests make stdout a terminal or a pipe and record what is written.
const isTTY = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
let written: string[];
function stdoutIs(tty: boolean) {
  Object.defineProperty(process.stdout, 'isTTY', { value: tty, configurable: true, writable: true });
}
beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (isTTY) Object.defineProperty(process.stdout, 'isTTY', isTTY);
  else delete (process.stdout as { isTTY?: boolean }).isTTY;
});

const N = 48;
async function fitGan(args: FitArgs) {
  const g = mlpGenerator(4, 3);
  const d = mlpDiscriminator(3);
  const gan = new AdversarialModel({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights], playerNames: ['generator', 'discriminator'] });
  gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['adam', 'adam'], loss: 'binaryCrossentropy' });
  const [z, x, y] = [tf.randomNormal([N, 4]), tf.randomNormal([N, 3]), ganTargets(N)];
  try {
    await gan.fit([z, x], y, { batchSize: 16, ...args, verbose: 0 }); // warm-up, silent
    written = [];
    const before = tf.memory().numTensors;
    await gan.fit([z, x], y, { batchSize: 16, ...args });
    expect(tf.memory().numTensors).toBe(before);
  } finally {
    tf.dispose([z, x, ...y]);
    gan.dispose();
  }
}

describe("fit's verbose: Keras's progress bar in Node", () => {
  it('verbose: 1 on a terminal writes Epoch i/n, an n/n bar with the losses, and a newline per epoch', async () => {
    stdoutIs(true);
    await fitGan({ epochs: 2, verbose: 1 });
    const text = written.join('');
    expect(text).toContain('Epoch 1/2\n');
    expect(text).toContain('Epoch 2/2\n');
    // 48 samples in batches of 16: 3 steps an epoch.
    const ends = text.match(/3\/3 \[=+\] - \d+s \d+[mu]?s\/step - loss: -?\d+\.\d{4} - generator_loss: [^\n]* - discriminator_loss: [^\n]*\n/g);
    expect(ends).toHaveLength(2);
    expect(text.endsWith('\n')).toBe(true);
  });

  it("verbose: true on a pipe writes each epoch's lines only, with no \\r", async () => {
    stdoutIs(false);
    await fitGan({ epochs: 2, verbose: true });
    expect(written.join('')).toMatch(/^Epoch 1\/2\n3\/3 \[=+\][^\r\n]* - loss: [^\r\n]*\nEpoch 2\/2\n3\/3 [^\r\n]*\n$/);
  });

  it('verbose: false or 0 writes nothing on a terminal, where verbose: 1 writes', async () => {
    stdoutIs(true);
    await fitGan({ epochs: 2, verbose: false });
    expect(written).toEqual([]);
    await fitGan({ epochs: 2, verbose: 0 });
    expect(written).toEqual([]);
    await fitGan({ epochs: 2, verbose: 1 });
    expect(written.length).toBeGreaterThan(0);
  });

  it('by default, is on for a terminal and off when stdout is piped', async () => {
    stdoutIs(false);
    await fitGan({ epochs: 1 });
    expect(written).toEqual([]);
    stdoutIs(true);
    await fitGan({ epochs: 1 });
    expect(written.join('')).toContain('Epoch 1/1\n');
  });

  it('rejects other values, naming the argument and echoing the value', async () => {
    await expect(fitGan({ epochs: 1, verbose: 2 as never })).rejects.toThrowError(InvalidArgumentError);
    await expect(fitGan({ epochs: 1, verbose: 'yes' as never })).rejects.toThrowError(/Argument 'verbose' passed to 'fit'.*Received: verbose="yes"/);
  });
});
