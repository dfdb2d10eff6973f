// Small DOM builders for the "Your data" section.

/** A button with a `data-role` for tests, and a tooltip. */
export function button(label: string, role: string, onClick: () => void, title?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.dataset.role = role;
  if (title) b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

/** `run`, with any error it throws shown as a page warning (an event listener's throw would go nowhere the user sees). */
export function guarded(warn: (message: string) => void, what: string, run: () => void): () => void {
  return () => {
    try {
      run();
    } catch (e) {
      warn(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
