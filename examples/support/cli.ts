// The command line every example shares: `--tiny`, `--out DIR`, `--epochs N`, `--seed S`, `--help`,
// plus the flags an example declares in its spec (`--unsupervised`, `--latent-type normal`).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** What every example's `run` takes. */
export interface ExampleOptions {
  /** A few seconds' run on a slice of the data: what CI's smoke test runs. @default false */
  tiny?: boolean;
  /** The folder the example writes its PNGs, history and checkpoint into. @default `output/<example>` */
  out?: string;
  /** Epochs to train. @default the example's own, as the Python runs it */
  epochs?: number;
  /** Seeds the latent draws and shuffling (tfjs initializers draw unseeded). @default 0 */
  seed?: number;
  /** A data folder, for examples that read files the user gives (CIFAR-10). @default none */
  data?: string;
  /** Prints progress lines. @default true */
  verbose?: boolean;
}

/**
 * A flag of one example, e.g. the seed's `--unsupervised`: `--kebab-case` on
 * the command line, the camelCase key of `spec.flags` in the options `run` gets.
 */
export interface ExampleFlag {
  /** A switch, a string, or a finite number (parsed here). */
  type: 'boolean' | 'string' | 'number';
  /** One line for `--help`. */
  help: string;
  /** The values a string flag accepts, in lower case (checked case-insensitively, as the seed lower-cases them). @default any */
  choices?: readonly string[];
}

/** How an example describes itself on `--help`. */
export interface ExampleSpec {
  /** The file's path under `examples/`, e.g. `keras-adversarial/example_gan`. */
  name: string;
  /** One line: what the seed's example shows. */
  summary: string;
  /** Extra lines for `--help`, e.g. where the data comes from. */
  notes?: readonly string[];
  /** The example's own flags, by option key (camelCase). @default none */
  flags?: Readonly<Record<string, ExampleFlag>>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const SHARED = ['tiny', 'out', 'epochs', 'seed', 'data', 'quiet', 'help'];
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Parses argv (without node and the script) into options; throws UsageError on unknown or malformed flags. `spec.flags` adds the example's own. */
export function parseExampleArgs(argv: readonly string[], spec?: ExampleSpec): ExampleOptions & { help: boolean } & Record<string, unknown> {
  const own = Object.entries(spec?.flags ?? {});
  for (const [key] of own) {
    if (SHARED.includes(kebab(key))) throw new Error(`Example flag '${key}' of ${spec?.name} clashes with a shared flag.`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        tiny: { type: 'boolean' },
        out: { type: 'string' },
        epochs: { type: 'string' },
        seed: { type: 'string' },
        data: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(own.map(([key, f]) => [kebab(key), { type: f.type === 'boolean' ? ('boolean' as const) : ('string' as const) }])),
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const int = (name: string, s: string | undefined, min: number): number | undefined => {
    if (s === undefined) return undefined;
    const n = Number(s);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`Flag --${name} must be an integer >= ${min}. Received: --${name} ${s}`);
    return n;
  };
  const str = (name: string) => v[name] as string | undefined;
  const options: ExampleOptions & { help: boolean } & Record<string, unknown> = {
    help: v.help === true,
    tiny: v.tiny === true,
    verbose: v.quiet !== true,
    seed: int('seed', str('seed'), 0) ?? 0,
  };
  const epochs = int('epochs', str('epochs'), 1);
  if (epochs !== undefined) options.epochs = epochs;
  if (typeof v.out === 'string') options.out = v.out;
  if (typeof v.data === 'string') options.data = v.data;
  for (const [key, f] of own) {
    const value = v[kebab(key)];
    if (value === undefined) continue;
    if (f.type === 'number' && !Number.isFinite(Number(value))) throw new UsageError(`Flag --${kebab(key)} must be a number. Received: --${kebab(key)} ${String(value)}`);
    if (f.choices && !f.choices.includes(String(value).toLowerCase())) throw new UsageError(`Flag --${kebab(key)} must be one of ${f.choices.join(', ')}. Received: --${kebab(key)} ${String(value)}`);
    options[key] = f.type === 'number' ? Number(value) : value;
  }
  return options;
}

export function usage(spec: ExampleSpec): string {
  return [
    `Usage: pnpm example examples/${spec.name}.ts [--tiny] [--epochs N] [--seed S] [--out DIR]${spec.notes?.some((n) => n.includes('--data')) ? ' [--data DIR]' : ''} [--quiet]${Object.keys(
      spec.flags ?? {},
    )
      .map((k) => ` [--${kebab(k)}${spec.flags![k]!.type === 'boolean' ? '' : ' …'}]`)
      .join('')}`,
    '',
    spec.summary,
    ...(spec.notes ?? []),
    '',
    '  --tiny      a few seconds on a slice of the data (the CI smoke test)',
    '  --epochs N  epochs to train (default: as the seed example)',
    '  --seed S    seed of the latent draws and shuffling (default 0)',
    `  --out DIR   where PNGs, history.csv and the checkpoint go (default output/${spec.name})`,
    '  --quiet     no progress lines',
    ...Object.entries(spec.flags ?? {}).map(([key, f]) => {
      const arg = f.type === 'boolean' ? '' : f.choices ? ` ${f.choices.join('|')}` : f.type === 'number' ? ' N' : ' S';
      return `  --${kebab(key)}${arg}  ${f.help}`;
    }),
    '  -h, --help  this text',
  ].join('\n');
}

/** The output folder of a run: `--out`, else `output/<name>`. */
export function outDir(spec: ExampleSpec, options: ExampleOptions): string {
  return resolve(options.out ?? `output/${spec.name}`);
}

/**
 * Runs `run` when the module is the script Node started (not when a test
 * imports it), with the command line parsed (`spec.flags` included); usage errors exit 2.
 */
export async function main<R, O extends ExampleOptions = ExampleOptions>(meta: ImportMeta, spec: ExampleSpec, run: (options: O) => Promise<R>): Promise<void> {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(meta.url)) return;
  let options;
  try {
    options = parseExampleArgs(process.argv.slice(2), spec);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n\n${usage(spec)}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(usage(spec));
    return;
  }
  const { help, ...rest } = options;
  void help;
  // The example's own flags arrive under the keys its spec declares.
  await run(rest as unknown as O);
}
