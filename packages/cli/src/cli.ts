import { parseArgs, usage, USAGE, type TrainArgs } from './args';
import { DEMOS, resolvePreset } from './demos';
import { UsageError } from './errors';
import { createProgress } from './progress';

/** The streams the CLI writes to (replaceable in tests). */
export interface CliIo {
  /** Results: the preset list, the summary. */
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  /** Progress and errors. */
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

async function train(args: TrainArgs, io: CliIo): Promise<void> {
  const { demo, demoId, presetName, knobs, why } = resolvePreset(args.preset, args.backend);
  if (args.seed !== undefined) knobs.seed = args.seed;
  const out = args.out ?? `out/${demoId}-${presetName}-${args.backend}`;
  const progress = createProgress({ total: args.steps, stream: io.stderr, metrics: demo.info.chartMetrics });
  if (why) progress.message(`${demoId}/${presetName}, the preset for ${args.backend}: ${why}`);
  progress.message(`Training ${demoId}/${presetName} on ${args.backend} for ${args.steps} steps into ${out}`);
  const options = { demo, demoId, presetName, knobs, steps: args.steps, gridEvery: args.gridEvery, out, progress };
  const summary =
    args.backend === 'cpu' || args.backend === 'wasm'
      ? await (await import('./train-node')).trainNode({ ...options, backend: args.backend })
      : await (await import('./train-browser')).trainBrowser({ ...options, backend: args.backend });
  io.stdout.write(`${summary.steps} steps on ${summary.backend} in ${summary.seconds.toFixed(1)} s (${summary.stepsPerSec.toFixed(2)} steps/s); wrote ${out}\n`);
}

/**
 * Runs `gandlf <command> ...` and resolves to the exit code: 0 on success (`--help`
 * and `-h` included, with the usage on stdout), 2 for a bad command line (with the
 * message and usage on stderr), 1 when training failed.
 */
export async function main(argv: readonly string[], io: CliIo = process): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') io.stdout.write(`${usage(args.topic)}\n`);
    else if (args.command === 'list') {
      for (const [id, demo] of Object.entries(DEMOS)) {
        for (const name of Object.keys(demo.info.presets)) {
          const marks = [name === demo.info.defaultPreset && 'default', name === demo.info.withoutGpu?.preset && 'default on cpu and wasm'].filter((m) => m);
          io.stdout.write(`${id}/${name}${marks.length ? `  (${marks.join('; ')})` : ''}\n`);
        }
      }
    } else await train(args, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`gandlf: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr.write(`gandlf: training failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
