import { InvalidArgumentError, Random } from 'gandlf';

/** Where a stream stands: saved with each checkpoint, so a restored run sees the batches it would have seen. */
export interface BatchStreamState {
  /** Full passes over the data so far. */
  readonly epoch: number;
  /** Rows of this epoch's permutation already served. */
  readonly cursor: number;
  /** The random state this epoch's permutation was drawn from. */
  readonly order: number;
  /** The random state now. */
  readonly random: number;
}

/** Options of {@link BatchStream}. */
export interface BatchStreamOptions {
  /** Seeds the permutations (and `uniform`). */
  seed: number;
  /** Rows of the data set. @default 0 (no rows: a stream of `uniform` draws only) */
  count?: number;
  /** A saved position (`state()`): the stream continues from it. @default a fresh stream */
  state?: BatchStreamState | undefined;
}

const KEYS = new Set(['seed', 'count', 'state']);
const STATE_KEYS = ['epoch', 'cursor', 'order', 'random'] as const;

/**
 * The seeded source of a demo's real batches: rows of a fresh permutation of
 * the data, epoch after epoch, or uniform draws for data sampled on the fly
 * (the mixtures). Its whole position is `state()`, a few numbers the shell
 * saves in every checkpoint.
 *
 * @example const x = stream.gather(data.images, 784, 64); // the next 64 digits
 */
export class BatchStream {
  private readonly random: Random;
  private count: number;
  private order: Int32Array | null = null;
  private orderState = 0;
  private cursor = 0;
  private epochs = 0;

  constructor(options: BatchStreamOptions) {
    if (typeof options !== 'object' || options === null) throw new InvalidArgumentError(`BatchStream takes an options object. Received: ${String(options)}`);
    const unknown = Object.keys(options).filter((k) => !KEYS.has(k));
    if (unknown.length) throw new InvalidArgumentError(`Unknown option '${unknown[0]}' passed to BatchStream. Expected seed, count, state.`);
    const { seed, count = 0, state } = options;
    if (!Number.isFinite(seed)) throw new InvalidArgumentError(`Option 'seed' passed to BatchStream must be a finite number. Received: seed=${String(seed)}`);
    this.random = new Random(seed);
    this.count = checkCount(count, 'count');
    if (state !== undefined) this.restore(state);
  }

  /** Passes over the data so far. */
  get epoch(): number {
    return this.epochs;
  }

  /** The next `n` row indices; an epoch's end draws a fresh permutation. */
  rows(n: number): Int32Array {
    if (this.count === 0) throw new InvalidArgumentError('BatchStream.rows needs rows: this stream was made with count 0.');
    checkCount(n, 'n');
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (this.order === null) this.draw();
      if (this.cursor === this.count) {
        this.epochs++;
        this.draw();
      }
      out[i] = this.order![this.cursor++]!;
    }
    return out;
  }

  /** The next `n` rows of `rowSize` values each, copied out of `source` (row-major), and their indices. */
  gather(source: Float32Array, rowSize: number, n: number): { readonly values: Float32Array; readonly rows: Int32Array } {
    const rows = this.rows(n);
    const values = new Float32Array(n * rowSize);
    rows.forEach((row, i) => values.set(source.subarray(row * rowSize, (row + 1) * rowSize), i * rowSize));
    return { values, rows };
  }

  /** A uniform draw in [0, 1), for data sampled on the fly. */
  uniform(): number {
    return this.random.next();
  }

  /** New data of `count` rows (the user dropped files): a fresh permutation from here on. */
  reset(count: number): void {
    this.count = checkCount(count, 'count');
    this.order = null;
    this.cursor = 0;
  }

  /** The stream's position, as plain numbers (JSON). */
  state(): BatchStreamState {
    // Before the first batch there is no permutation yet: the one to come is drawn from here.
    const order = this.order === null ? this.random.getState() : this.orderState;
    return { epoch: this.epochs, cursor: this.order === null ? 0 : this.cursor, order, random: this.random.getState() };
  }

  private draw(): void {
    this.orderState = this.random.getState();
    this.order = this.random.permutation(this.count);
    this.cursor = 0;
  }

  private restore(state: BatchStreamState): void {
    const bad = STATE_KEYS.find((k) => !Number.isInteger(state?.[k]) || state[k] < 0);
    if (bad !== undefined) throw new InvalidArgumentError(`Option 'state' passed to BatchStream must hold non-negative integers ${STATE_KEYS.join(', ')}. Received: state=${JSON.stringify(state)}`);
    if (state.cursor > this.count)
      throw new InvalidArgumentError(`Option 'state' passed to BatchStream is at row ${state.cursor} of an epoch, past the data's ${this.count} rows. Received: state=${JSON.stringify(state)}`);
    this.epochs = state.epoch;
    if (this.count > 0 && (state.cursor > 0 || state.epoch > 0 || state.order !== state.random)) {
      this.random.setState(state.order);
      this.draw();
      this.cursor = state.cursor;
    }
    this.random.setState(state.random);
  }
}

function checkCount(n: number, arg: string): number {
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`Argument '${arg}' passed to BatchStream must be a non-negative integer. Received: ${arg}=${String(n)}`);
  return n;
}
