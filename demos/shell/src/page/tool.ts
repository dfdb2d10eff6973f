import type { Knobs, View } from '../protocol';

/**
 * What a demo's own page tool can reach of the page (see
 * `MountDemoOptions.tools`): a section of its own, the sample canvas, the
 * knobs, and the page's warning line and downloads. A tool never talks to the
 * worker directly: it changes knobs, which the worker trains with.
 */
export interface PageHandle {
  /** A new section of the side panel, headed `title` (an `<h2>` inside it), before the Settings, for the tool's controls. */
  section(title: string): HTMLElement;
  /** The sample canvas; its `data-frames` say where each panel of a points view lies. */
  readonly canvas: HTMLCanvasElement;
  /** The knobs now in force. */
  knobs(): Knobs;
  /**
   * Sets knobs, merged into those in force, as the settings form does: a
   * change to any knob that is not live restarts training, a change to live
   * knobs only updates them in place, and no change does nothing. Throws for a
   * key the demo's knobs lack.
   */
  setKnobs(patch: Readonly<Knobs>): void;
  /** Called with every view the worker sends, after the page has drawn it. */
  onView(listener: (view: View, step: number) => void): void;
  /** Called with the knobs now in force: when the worker reports them (after a start, a change, a load or a `#run=` link), and after a change of live knobs only, which the worker makes in place without a report. */
  onKnobs(listener: (knobs: Knobs) => void): void;
  /** Shows a dismissible warning line; training goes on. */
  warn(message: string): void;
  /** Offers files for download. */
  offer(files: readonly { readonly name: string; readonly blob: Blob }[]): void;
  /** Sets `data-<key>` on `<body>`, for tests. */
  expose(key: string, value: string | number): void;
}

/** A demo's own page control: built once, when the page mounts. */
export type PageTool = (page: PageHandle) => void;
