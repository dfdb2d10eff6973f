// Who moved in each step, one line per step: `step 41 · Simultaneous: D, G · Alternating: D×5, G`.
import type { RunInfo, StepMoves } from '../protocol';

/** Steps the log keeps. */
export const STEP_LOG_SIZE = 20;

/** One step of the log, as `data-step-log` lists it. */
export interface StepLogEntry {
  readonly step: number;
  readonly moves: StepMoves;
}

/**
 * One step as a line: each run by its label, with the players it updated
 * (`D×5` for five updates; players with none left out) or `—` when it moved
 * nobody. Runs follow `runs`' order; a run `runs` does not name comes after,
 * by its key.
 */
export function formatStep({ step, moves }: StepLogEntry, runs: readonly RunInfo[]): string {
  const keys = [...runs.map((r) => r.key), ...Object.keys(moves).filter((k) => !runs.some((r) => r.key === k))];
  const parts = keys.map((key) => {
    const updates = Object.entries(moves[key] ?? {}).filter(([, n]) => n > 0);
    const names = playerNames(updates.map(([player]) => player));
    const moved = updates.map(([, n], i) => (n === 1 ? names[i]! : `${names[i]!}×${n}`));
    return `${runs.find((r) => r.key === key)?.label ?? key}: ${moved.length ? moved.join(', ') : '—'}`;
  });
  return [`step ${step}`, ...parts].join(' · ');
}

/** Players by their capital initial (`discriminator` → `D`), or by name when two share one. */
export function playerNames(players: readonly string[]): string[] {
  const initials = players.map((p) => p.charAt(0).toUpperCase());
  return new Set(initials).size === initials.length ? initials : [...players];
}

/** The latest {@link STEP_LOG_SIZE} steps, oldest first. */
export class StepLog {
  private entries: StepLogEntry[] = [];

  push(added: readonly StepLogEntry[]): void {
    this.entries = [...this.entries, ...added].slice(-STEP_LOG_SIZE);
  }

  clear(): void {
    this.entries = [];
  }

  /** Oldest first. */
  get latest(): readonly StepLogEntry[] {
    return this.entries;
  }
}
