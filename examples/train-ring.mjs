// Trains a GAN on the ring of 8 Gaussians in Node (tfjs cpu backend) and
// prints its progress: the headless counterpart of the demos.
//   node examples/train-ring.mjs [epochs]
import * as tf from '@tensorflow/tfjs';
import { Alternating, Model } from 'gandlf';

const epochs = Number(process.argv[2] ?? 30);
await tf.setBackend('cpu');

/** n points on the ring of 8 Gaussians: radius 2, std 0.02. */
function ring(n) {
  return tf.tidy(() => {
    const angle = tf
      .randomUniform([n], 0, 8, 'int32', 1)
      .toFloat()
      .mul(Math.PI / 4);
    const centres = tf.stack([tf.cos(angle), tf.sin(angle)], 1).mul(2);
    return centres.add(tf.randomNormal([n, 2], 0, 0.02, 'float32', 2));
  });
}

function mlp(inDim, outDim, activation) {
  return tf.sequential({
    layers: [tf.layers.dense({ inputShape: [inDim], units: 64, activation: 'relu' }), tf.layers.dense({ units: 64, activation: 'relu' }), tf.layers.dense({ units: outDim, activation })],
  });
}

const model = new Model({ generator: mlp(4, 2, 'linear'), discriminator: mlp(2, 1, 'sigmoid') });
model.compile({
  optimizer: tf.train.adam(2e-3, 0.5, 0.999, 1e-7),
  loss: 'binaryCrossentropy',
  adversarialOptimizer: new Alternating(),
});

const data = ring(2048);
const started = performance.now();
let steps = 0;
await model.fit(['normal', data], ['zeros', 'ones'], {
  epochs,
  batchSize: 64,
  seed: 1,
  callbacks: [
    { onBatchEnd: () => void steps++ },
    {
      async onEpochEnd(epoch, logs) {
        const samples = model.sample(['normal'], { numSamples: 1000, seed: 7 });
        const r = await tf.tidy(() => tf.norm(samples, 'euclidean', 1)).data();
        samples.dispose();
        const near = r.filter((v) => Math.abs(v - 2) < 0.3).length / r.length;
        const secs = (performance.now() - started) / 1000;
        console.log(
          `epoch ${String(epoch + 1).padStart(3)}/${epochs}  ${(steps / secs).toFixed(1)} steps/s  ` +
            `loss ${logs.loss.toFixed(3)}  D ${logs.discriminator_loss.toFixed(3)}  G ${logs.generator_loss.toFixed(3)}  ` +
            `samples on the ring: ${(near * 100).toFixed(0)}%`,
        );
      },
    },
  ],
});
data.dispose();
