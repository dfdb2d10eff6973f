/** A task due every `seconds` of training (0: never), counted from the last `restart()`. */
export class Every {
  private last = 0;

  constructor(private seconds: number) {}

  /** Changes the period; 0 turns the task off. */
  set(seconds: number): void {
    this.seconds = seconds;
  }

  /** Counts the next period from now. */
  restart(): void {
    this.last = performance.now();
  }

  get due(): boolean {
    return this.seconds > 0 && performance.now() - this.last >= this.seconds * 1000;
  }
}
