/** A checkpoint the page knows of: the worker saved every run under `slot` at `step`. */
export interface KnownCheckpoint {
  readonly slot: string;
  readonly step: number;
}

/** Options of {@link Recovery}. */
export interface RecoveryOptions {
  /** Lost contexts within `windowMs` beyond which the page stops restoring by itself. @default 3 */
  maxLosses?: number;
  /** @default 60_000 */
  windowMs?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

/**
 * What the page needs to pick a run up again after its worker dies or loses
 * its GPU context: the latest checkpoint saved in this session, and whether
 * contexts are being lost so often that restoring again would only loop.
 */
export class Recovery {
  private checkpoint: KnownCheckpoint | null = null;
  private losses: number[] = [];
  private readonly maxLosses: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor({ maxLosses = 3, windowMs = 60_000, now = Date.now }: RecoveryOptions = {}) {
    this.maxLosses = maxLosses;
    this.windowMs = windowMs;
    this.now = now;
  }

  /** The newest checkpoint: the last one saved or autosaved (restoring one does not make it newer). */
  get latest(): KnownCheckpoint | null {
    return this.checkpoint;
  }

  /** Notes a save (by hand or autosave). */
  saved(slot: string, step: number): void {
    this.checkpoint = { slot, step };
  }

  /** Forgets the checkpoint: a new run (reset, new knobs, another backend) must not resume an old one by surprise. */
  newRun(): void {
    this.checkpoint = null;
  }

  /** Notes a lost context; false when there were too many lately to restore once more. */
  lostContext(): boolean {
    const t = this.now();
    this.losses = [...this.losses.filter((at) => t - at < this.windowMs), t];
    return this.losses.length <= this.maxLosses;
  }
}
