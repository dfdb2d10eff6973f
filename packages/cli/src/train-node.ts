import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Knobs, View } from '@gandlf/demo-shell/protocol';
import { pickBackend } from 'gandlf';
import 'gandlf/node'; // file:// checkpoints
import type { CliDemo } from './demos';
import { MNIST_SAMPLES, mnistMetrics } from './mnist-metrics';
import { OutputWriter, type HistoryEntry } from './outputs';
import type { Progress } from './progress';

/** What a Node training run needs. */
export interface NodeRunOptions {
  readonly demo: CliDemo;
  /** The demo's key in `DEMOS`: `gan-mnist` runs are scored by the MNIST classifier. */
  readonly demoId: string;
  readonly knobs: Knobs;
  readonly backend: 'cpu' | 'wasm';
  readonly steps: number;
  /** Steps between grids; 0: the last step only. */
  readonly gridEvery: number;
  readonly out: string;
  readonly progress: Progress;
}

/** What a finished run reports (also written to `run.json`). */
export interface RunSummary {
  readonly backend: string;
  readonly steps: number;
  readonly seconds: number;
  readonly stepsPerSec: number;
  readonly files: readonly string[];
}

/** The MNIST score of a gan-mnist run, from its checkpoint (see mnist-metrics.ts). */
export async function scoreMnist(out: string, run: string, progress: Progress): ReturnType<typeof mnistMetrics> {
  progress.message(`Scoring ${MNIST_SAMPLES} generated digits with the MNIST classifier…`);
  return mnistMetrics(resolve(out, 'checkpoint', run), run);
}

/** Starts tfjs's wasm backend in Node (its .wasm files from the installed package) with gandlf's conv gradients. */
async function startBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dist = join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
    wasm.setWasmPaths(`${dist}/`);
  }
  // pickBackend registers gandlf's wasm conv gradients, which wasm lacks (tfjs 8474).
  tf.env().set('PROD', true); // no 'install tfjs-node' banner on cpu
  await pickBackend({ prefer: [name] });
  await tf.ready();
}

/**
 * Trains a demo preset in this process with the demo's own trainer (the code
 * its page runs in a worker) and writes grids, history, metrics and one
 * `file://` checkpoint per run into `out`.
 */
export async function trainNode({ demo, demoId, knobs, backend, steps, gridEvery, out, progress }: NodeRunOptions): Promise<RunSummary> {
  await startBackend(backend);
  const writer = new OutputWriter(out);
  await writer.open();
  const { createTrainer } = await demo.trainer();
  const trainer = await createTrainer(knobs, { progress: (m) => progress.message(m) });
  const files: string[] = [];
  const history: HistoryEntry[] = [];
  let view: View | null = null;
  const start = performance.now();
  let drawing = 0;
  try {
    for (let step = 1; step <= steps; step++) {
      const logs = await trainer.step();
      history.push({ step, logs });
      progress.step(step, logs);
      if (step === steps || (gridEvery > 0 && step % gridEvery === 0)) {
        const t = performance.now();
        view = await trainer.view();
        files.push(await writer.grid(step, view));
        drawing += performance.now() - t;
      }
    }
    progress.done();
    const seconds = (performance.now() - start - drawing) / 1000;
    for (const run of trainer.runs) {
      const dir = resolve(out, 'checkpoint', run.key);
      await run.model.save(`file://${dir}`, { metadata: { knobs, run: run.key } });
      files.push(dir);
    }
    const summary = { backend: tf.getBackend(), steps, seconds, stepsPerSec: steps / seconds, files };
    const metrics = demoId === 'gan-mnist' ? await scoreMnist(out, trainer.runs[0]!.key, progress) : undefined;
    await writer.finish(history, view!, { runtime: 'node', node: process.version, knobs, ...summary }, metrics);
    return summary;
  } finally {
    trainer.dispose();
  }
}
