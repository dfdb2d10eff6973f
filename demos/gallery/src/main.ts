import demos from 'virtual:gandlf-demos';
import { showBackend } from './backend';
import './style.css';

type Demo = (typeof demos)[number];

/** The demo's picture (public/pictures/, drawn by scripts/pictures.mjs), captioned with the run that drew it. */
function picture(demo: Demo): HTMLElement | null {
  const { picture: pic } = demo;
  if (!pic) return null;
  const figure = document.createElement('figure');
  const link = document.createElement('a');
  link.href = `./${demo.name}/?preset=${encodeURIComponent(pic.preset)}`;
  const img = document.createElement('img');
  img.src = `./pictures/${pic.file}`;
  img.width = pic.width;
  img.height = pic.height;
  img.alt = `Samples of ${demo.title} (${pic.preset} preset) after ${pic.steps} training steps`;
  link.append(img);
  const caption = document.createElement('figcaption');
  caption.textContent = `${pic.preset} preset, ${pic.steps.toLocaleString('en')} steps (${pic.backend}, seed ${pic.seed})`;
  figure.append(link, caption);
  return figure;
}

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
  const fig = picture(demo);
  card.append(title, ...(fig ? [fig] : []), text, presets);
  list.append(card);
}
if (import.meta.env.DEV) {
  const note = document.createElement('p');
  note.className = 'presets';
  note.textContent = 'Dev server: the links work after `pnpm build` and `pnpm preview` here; or run `pnpm dev` inside a demo folder.';
  list.append(note);
}
showBackend(document.getElementById('backend')!);
