// The knobs in force, as the page knows them: what a commit changes, and whether a shared link's knobs still hold.
import { onlyLiveKnobsChanged } from '../knobs';
import type { KnobSpec, Knobs } from '../protocol';

/** What a commit does: nothing, an update in place (live knobs only, see `KnobSpec.live`), or a new run. */
export type KnobChange = 'none' | 'live' | 'restart';

/**
 * What committing `after` over `before` does: `none` when no knob changed (a
 * value typed again, a tool setting what is set), `live` when only live knobs
 * did (the worker updates them in place and trains on), else `restart`.
 * Values compare as text, as the worker compares them: `0.001` and `1e-3` are one value.
 */
export function knobChange(specs: readonly KnobSpec[], before: Readonly<Knobs>, after: Readonly<Knobs>): KnobChange {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  if ([...keys].every((key) => String(before[key]) === String(after[key]))) return 'none';
  return onlyLiveKnobsChanged(specs, before, after) ? 'live' : 'restart';
}

/**
 * The knobs last committed or reported by the worker, and the knobs a
 * `#run=` link started while they are still those in force (the page keeps
 * the link in its URL only as long, so a reload after a change does not
 * bring the link's knobs back).
 */
export class KnobState {
  private knobs: Knobs;
  private linked: Knobs | null = null;

  constructor(
    private readonly specs: readonly KnobSpec[],
    initial: Readonly<Knobs>,
  ) {
    this.knobs = { ...initial };
  }

  /** The knobs in force. */
  get current(): Knobs {
    return { ...this.knobs };
  }

  /** Whether the knobs in force are a `#run=` link's. */
  get fromLink(): boolean {
    return this.linked !== null;
  }

  /** New knobs from the form or a tool: what they change (nothing, when they are the knobs in force). */
  commit(knobs: Readonly<Knobs>): KnobChange {
    const change = knobChange(this.specs, this.knobs, knobs);
    if (change !== 'none') this.set(knobs);
    return change;
  }

  /** The knobs the worker reports in force (after a start, a change or a load). */
  reported(knobs: Readonly<Knobs>): void {
    this.set(knobs);
  }

  /** A `#run=` link's knobs, about to start the run. */
  link(knobs: Readonly<Knobs>): void {
    this.knobs = { ...knobs };
    this.linked = { ...knobs };
  }

  private set(knobs: Readonly<Knobs>): void {
    this.knobs = { ...knobs };
    if (this.linked && knobChange(this.specs, this.linked, knobs) !== 'none') this.linked = null;
  }
}
