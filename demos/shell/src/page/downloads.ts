/**
 * Offers files for download: each becomes a link in `list` (replacing the
 * previous batch) and is clicked once, the way tfjs's `downloads://` does.
 */
export class Downloads {
  private urls: string[] = [];

  constructor(private readonly list: HTMLElement) {}

  offer(files: ReadonlyArray<{ name: string; blob: Blob }>): void {
    this.urls.forEach((u) => URL.revokeObjectURL(u));
    this.urls = files.map((f) => URL.createObjectURL(f.blob));
    const links = files.map((f, i) => {
      const a = document.createElement('a');
      a.href = this.urls[i]!;
      a.download = f.name;
      a.textContent = `${f.name} (${formatBytes(f.blob.size)})`;
      return a;
    });
    this.list.replaceChildren(...links);
    links.forEach((a) => a.click());
  }
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
}
