// What a view adds to `<body data-*>` (e.g. `data-modes`, `data-heatmap-probe`):
// each view's entries replace the previous view's, so a key a later view no
// longer sends (an overlay turned off) does not stay behind.

/** The entries of the latest view on a dataset, and only those. */
export class ViewDataset {
  /** The keys the previous view set. */
  private keys: readonly string[] = [];

  /** @param target Where the entries go: `document.body.dataset` (a plain record in tests). */
  constructor(private readonly target: Record<string, string | undefined>) {}

  /**
   * Sets `entries` and removes the keys the previous view set that `entries` lacks.
   *
   * @example viewDataset.show(event.view.dataset)
   */
  show(entries: Readonly<Record<string, string>> = {}): void {
    for (const key of this.keys) if (!Object.hasOwn(entries, key)) delete this.target[key];
    for (const [key, value] of Object.entries(entries)) this.target[key] = String(value);
    this.keys = Object.keys(entries);
  }
}
