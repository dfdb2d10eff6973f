import { GandlfError } from 'gandlf';

/** A bad command line: an unknown command, flag, preset or value. The CLI prints the message and exits with 2. */
export class UsageError extends GandlfError {
  override name = 'UsageError';
}
