import type { DemoInfo } from '../protocol';
import { droppedFiles } from './drop';

/** The elements of the Data section (see LAYOUT). */
export interface InputElements {
  readonly section: HTMLElement;
  readonly label: HTMLElement;
  readonly picker: HTMLInputElement;
}

/**
 * Shows the Data section of a demo with `input`: files picked, or dropped
 * anywhere on `dropZone` (folders walked), go to `send` as File objects
 * (structured clone, no copy here).
 */
export function wireInput(
  { section, label, picker }: InputElements,
  input: NonNullable<DemoInfo['input']>,
  dropZone: HTMLElement,
  send: (files: File[]) => void,
  warn: (message: string) => void,
): void {
  section.hidden = false;
  label.textContent = input.label;
  picker.accept = input.accept;
  const sendList = (files: FileList | null) => {
    if (files && files.length) send([...files]);
  };
  picker.addEventListener('change', () => {
    sendList(picker.files);
    picker.value = '';
  });
  dropZone.addEventListener('dragover', (e) => e.preventDefault());
  dropZone.addEventListener('drop', (e) => {
    e.preventDefault();
    const items = [...(e.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry?.() ?? null);
    // A dropped folder arrives as one entry without contents: walk it for its files.
    if (items.some((entry) => entry?.isDirectory)) {
      droppedFiles(items).then(
        (files) => (files.length ? send(files) : warn('The dropped folder holds no files.')),
        (err: unknown) => warn(`Could not read the dropped folder: ${err instanceof Error ? err.message : String(err)}`),
      );
    } else {
      sendList(e.dataTransfer?.files ?? null);
    }
  });
}
