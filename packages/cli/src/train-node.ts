import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Knobs, View } from '@gandlf/demo-shell/protocol';
import { backends } from 'gandlf';
import 'gandlf/node'; // file:// checkpoints
import type { CliDemo } from './demos';
import type { TrainerQuality } from './metrics';
import { OutputWriter, type HistoryEntry } from './outputs';
import type { Progress } from './progress';
import { trainerContext } from '@gandlf/demo-shell/kit';

/** What a Node training run needs. */
export interface NodeRunOptions {
  readonly demo: CliDemo;
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

/** Starts tfjs's wasm backend in Node (its .wasm files from the installed package) with gandlf's conv gradients. */
async function startBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dist = join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
    wasm.setWasmPaths(`${dist}/`);
  }
  // pickBackend registers gandlf's wasm conv gradients, which wasm lacks (tfjs 8474).
  tf.env().set('PROD', true); // no 'install tfjs-node' banner on cpu
  await backends.pickBackend({ prefer: [name] });
  await tf.ready();
}

/**
 * Trains a demo preset in this process with the demo's own trainer (the code
 * its page runs in a worker) and writes grids, history, metrics and one
 * `file://` checkpoint per run into `out`.
 */
export async function trainNode({ demo, knobs, backend, steps, gridEvery, out, progress }: NodeRunOptions): Promise<RunSummary> {
  await startBackend(backend);
  const writer = new OutputWriter(out);
  await writer.open();
  const { createTrainer } = await demo.trainer();
  const { context, stream } = trainerContext(undefined, (m) => progress.message(m));
  const trainer = await createTrainer(knobs, context);
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
      // The batch stream's position too, as the demos save it: a resumed run sees the batches this one would have.
      const batches = stream()?.state();
      await run.model.save(`file://${dir}`, { metadata: { knobs, run: run.key, ...(batches ? { batches } : {}) } });
      files.push(dir);
    }
    const summary = { backend: tf.getBackend(), steps, seconds, stepsPerSec: steps / seconds, files };
    // The trainer's own score of its last weights, as the page measures it live (the MNIST demos).
    const runKeys = trainer.runs.map((r) => r.key);
    let quality: TrainerQuality = { values: {}, runKeys };
    if (trainer.quality) {
      progress.message('Measuring sample quality…');
      // A failed score is written as `missing`: the trained run's files are worth keeping.
      quality = await trainer.quality().then(
        (values) => ({ values, runKeys }),
        (e: unknown) => ({ values: {}, runKeys, failed: e instanceof Error ? e.message : String(e) }),
      );
    }
    await writer.finish(history, view!, { runtime: 'node', node: process.version, knobs, ...summary }, quality);
    return summary;
  } finally {
    trainer.dispose();
  }
}
