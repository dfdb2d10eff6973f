import { UsageError } from './errors';

// The command line of `gandlf`: parsed by hand (node:util's parseArgs reports
// unknown flags without naming the command they were given to, or the choices).

/** Where a preset trains: `cpu` and `wasm` in Node, `webgl` and `webgpu` in headless Chromium. */
export const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;
export type CliBackend = (typeof BACKENDS)[number];

/** `gandlf train <preset> ...` */
export interface TrainArgs {
  readonly command: 'train';
  /** `<demo>/<preset>`, e.g. `mixtures/ring`, or `<demo>` alone: its default preset for the backend. */
  readonly preset: string;
  /** @default 'wasm' (the fastest Node backend here; it trains convs with gandlf's gradients) */
  readonly backend: CliBackend;
  /** Training steps. @default 1000 */
  readonly steps: number;
  /** Overrides the preset's seed; absent: the preset's. */
  readonly seed?: number;
  /** Output folder; absent: `out/<demo>-<preset>-<backend>` (once the preset is resolved). */
  readonly out?: string;
  /** Steps between sample grids written as PNG; 0: the last step only. @default steps / 4 */
  readonly gridEvery: number;
}

/** The commands of `gandlf`. Each prints its own usage for `--help` or `-h`. */
export const COMMANDS = ['train', 'list', 'help'] as const;
export type CliCommand = (typeof COMMANDS)[number];

/** What the command line asks for. */
export type CliArgs =
  | TrainArgs
  | { readonly command: 'list' }
  | {
      readonly command: 'help';
      /** The command whose usage to print; absent: every command's (the top-level usage). */
      readonly topic?: CliCommand;
    };

const TRAIN_SYNOPSIS = 'gandlf train <demo>[/<preset>] [--backend cpu|wasm|webgl|webgpu] [--steps N] [--seed S] [--out DIR] [--grid-every N]';

const TRAIN_FLAGS = `  --backend     cpu, wasm: train in Node; webgl, webgpu: train in headless Chromium on the
                built demo page (default: wasm)
  --steps       training steps (default: 1000)
  --seed        overrides the preset's seed
  --out         output folder (default: out/<demo>-<preset>-<backend>)
  --grid-every  write a sample grid every N steps (default: steps / 4; 0: at the end only)`;

const HELP_FLAG = '  -h, --help    print this usage and exit';

/** Every command's usage: what `gandlf --help` and a bad command line print. */
export const USAGE = `Usage:
  ${TRAIN_SYNOPSIS}
  gandlf list
  gandlf help [<command>]
  gandlf <command> --help

${TRAIN_FLAGS}
  -h, --help    print the usage (of the command it follows) and exit`;

/** One command's usage: what `gandlf <command> --help` (or `-h`, or `gandlf help <command>`) prints. */
export const COMMAND_USAGE: Readonly<Record<CliCommand, string>> = {
  train: `Usage: ${TRAIN_SYNOPSIS}

Trains a demo preset (see 'gandlf list'); writes sample grids, history, metrics and checkpoints to --out.
A demo named alone trains its default preset; on cpu and wasm, the one its page picks without a GPU.

${TRAIN_FLAGS}
${HELP_FLAG}`,
  list: `Usage: gandlf list

Prints every <demo>/<preset>, marking each demo's default (and its default on cpu and wasm).

${HELP_FLAG}`,
  help: `Usage: gandlf help [<command>]

Prints the usage of every command, or of one of ${COMMANDS.join(', ')}.

${HELP_FLAG}`,
};

/** The usage for `gandlf help [<topic>]`: one command's, or every command's. */
export function usage(topic?: CliCommand): string {
  return topic === undefined ? USAGE : COMMAND_USAGE[topic];
}

const isHelpFlag = (arg: string): boolean => arg === '--help' || arg === '-h';
const isCommand = (arg: string): arg is CliCommand => (COMMANDS as readonly string[]).includes(arg);

const FLAGS = ['backend', 'steps', 'seed', 'out', 'grid-every'] as const;
type Flag = (typeof FLAGS)[number];

function integer(flag: Flag, raw: string, min: number): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new UsageError(`--${flag} must be an integer of at least ${min}. Received: --${flag} ${raw}`);
  }
  return n;
}

/** Parses `argv` (without node and the script). Throws a `UsageError` naming the bad flag and echoing its value. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || isHelpFlag(command)) return { command: 'help' };
  if (!isCommand(command)) throw new UsageError(`Unknown command. Expected one of ${COMMANDS.join(', ')}. Received: ${command}`);
  // A help flag anywhere after a command wins over the rest of the line, bad flags included:
  // someone typing `gandlf train --lr 1 --help` wants the flags, not an error about them.
  if (rest.some(isHelpFlag)) return { command: 'help', topic: command };
  if (command === 'help') {
    if (rest.length > 1) throw new UsageError(`'gandlf help' takes at most one command. Received: ${rest.join(' ')}`);
    const topic = rest[0];
    if (topic === undefined) return { command: 'help' };
    if (!isCommand(topic)) throw new UsageError(`Unknown command for 'gandlf help'. Expected one of ${COMMANDS.join(', ')}. Received: ${topic}`);
    return { command: 'help', topic };
  }
  if (command === 'list') {
    if (rest.length) throw new UsageError(`'gandlf list' takes no arguments. Received: ${rest.join(' ')}`);
    return { command: 'list' };
  }

  const values: Partial<Record<Flag, string>> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!(FLAGS as readonly string[]).includes(name)) {
      throw new UsageError(`Unknown flag for 'gandlf train'. Expected one of ${FLAGS.map((f) => `--${f}`).join(', ')}, --help. Received: ${arg}`);
    }
    const value = eq < 0 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value. Received: ${arg} with nothing after it`);
    values[name as Flag] = value;
  }
  if (positional.length !== 1) {
    throw new UsageError(`'gandlf train' takes one preset, as <demo>/<preset> or <demo> (see 'gandlf list'). Received: ${positional.length ? positional.join(' ') : 'none'}`);
  }
  const backend = values.backend ?? 'wasm';
  if (!(BACKENDS as readonly string[]).includes(backend)) {
    throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}. Received: --backend ${backend}`);
  }
  const steps = values.steps === undefined ? 1000 : integer('steps', values.steps, 1);
  const preset = positional[0]!;
  return {
    command: 'train',
    preset,
    backend: backend as CliBackend,
    steps,
    ...(values.seed === undefined ? {} : { seed: integer('seed', values.seed, 0) }),
    ...(values.out === undefined ? {} : { out: values.out }),
    gridEvery: values['grid-every'] === undefined ? Math.max(1, Math.floor(steps / 4)) : integer('grid-every', values['grid-every'], 0),
  };
}
