import type { Command } from '../protocol';

/** The saved checkpoints, each with Load and Remove buttons, in `list` (an `<ul>`); 'none yet' when there are none. */
export function renderCheckpoints(list: HTMLElement, slots: readonly string[], send: (command: Command) => void): void {
  const items = slots.map((slot) => {
    const li = document.createElement('li');
    li.dataset.slot = slot;
    const name = document.createElement('span');
    name.textContent = slot;
    li.append(
      name,
      button('Load', () => send({ type: 'load', slot })),
      button('Remove', () => send({ type: 'remove', slot })),
    );
    return li;
  });
  list.replaceChildren(...(items.length ? items : [Object.assign(document.createElement('li'), { textContent: 'none yet' })]));
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = text;
  el.addEventListener('click', onClick);
  return el;
}
