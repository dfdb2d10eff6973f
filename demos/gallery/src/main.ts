import demos from 'virtual:gandlf-demos';
import './style.css';

// One card per demo, linking to its page (built under /<name>/) and its presets.
const list = document.getElementById('demos')!;
for (const demo of demos) {
  const card = document.createElement('article');
  card.className = 'card';
  card.dataset.demo = demo.name;
  const title = document.createElement('h2');
  const link = document.createElement('a');
  link.href = `./${demo.name}/`;
  link.textContent = demo.title;
  title.append(link);
  const text = document.createElement('p');
  text.textContent = demo.description;
  const presets = document.createElement('p');
  presets.className = 'presets';
  presets.append('Presets: ');
  demo.presets.forEach((p, i) => {
    const a = document.createElement('a');
    a.href = `./${demo.name}/?preset=${encodeURIComponent(p)}`;
    a.textContent = p;
    presets.append(...(i ? [', ', a] : [a]));
  });
  card.append(title, text, presets);
  list.append(card);
}
if (import.meta.env.DEV) {
  const note = document.createElement('p');
  note.className = 'presets';
  note.textContent = 'Dev server: the links work after `pnpm build` and `pnpm preview` here; or run `pnpm dev` inside a demo folder.';
  list.append(note);
}
