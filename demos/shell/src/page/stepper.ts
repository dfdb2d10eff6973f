// Stepping through a paused game: one step of every run, or of one player; slow motion; who moved when.
import type { Command, RunInfo, Status } from '../protocol';
import { formatStep, StepLog, type StepLogEntry } from './step-log';

/** The elements of the step controls (see LAYOUT). */
export interface StepperElements {
  /** 'One step': every run's own adversarial optimizer steps once. */
  readonly step: HTMLButtonElement;
  /** Where one button per player goes. */
  readonly players: HTMLElement;
  readonly slow: HTMLInputElement;
  /** The step log, newest first. */
  readonly log: HTMLElement;
}

/** A player's button label: `discriminator` → 'Discriminator step', `gradientPenalty` → 'Gradient penalty step'. */
export function playerLabel(player: string): string {
  const words = player
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} step`;
}

/**
 * The step controls and the step log. The step buttons work while training
 * is paused; the log shows the latest steps and exposes them on `<body>` as
 * `data-step-log` (`[{ step, moves }]`, newest last).
 */
export class Stepper {
  private readonly log = new StepLog();
  private runs: readonly RunInfo[] = [];
  private playerButtons: HTMLButtonElement[] = [];
  private paused = false;

  constructor(
    private readonly elements: StepperElements,
    private readonly send: (command: Command) => void,
    private readonly dataset: Record<string, string | undefined>,
  ) {
    elements.step.addEventListener('click', () => send({ type: 'step' }));
    elements.slow.addEventListener('change', () => send({ type: 'pace', slow: elements.slow.checked }));
    this.render();
  }

  /** Whether slow motion is on: a fresh worker is told so after its `init`. */
  get slow(): boolean {
    return this.elements.slow.checked;
  }

  /** A new trainer: its runs, the first run's players, and an empty log. */
  reset(runs: readonly RunInfo[], players: readonly string[]): void {
    this.runs = runs;
    this.log.clear();
    this.playerButtons = players.map((player) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.role = `step-${player}`;
      button.textContent = playerLabel(player);
      button.title = `While paused: one step in which only the ${player} is updated (the other players are scored, not moved)`;
      button.addEventListener('click', () => this.send({ type: 'step', only: player }));
      return button;
    });
    this.elements.players.replaceChildren(...this.playerButtons);
    this.setStatus(this.paused ? 'paused' : 'loading');
    this.render();
  }

  setStatus(status: Status): void {
    this.paused = status === 'paused';
    for (const button of [this.elements.step, ...this.playerButtons]) button.disabled = !this.paused;
  }

  /** Steps from a `logs` event; entries without `moves` (a worker that does not report them) are left out. */
  push(entries: readonly Partial<StepLogEntry>[]): void {
    const known = entries.filter((e): e is StepLogEntry => e.step !== undefined && e.moves !== undefined);
    if (!known.length) return;
    this.log.push(known.map(({ step, moves }) => ({ step, moves })));
    this.render();
  }

  private render(): void {
    const latest = this.log.latest;
    if (latest.length) this.dataset.stepLog = JSON.stringify(latest);
    else delete this.dataset.stepLog;
    const items = [...latest].reverse().map((entry) => Object.assign(document.createElement('li'), { textContent: formatStep(entry, this.runs) }));
    this.elements.log.replaceChildren(...(items.length ? items : [Object.assign(document.createElement('li'), { className: 'empty', textContent: 'no steps yet' })]));
  }
}
