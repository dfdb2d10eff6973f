import type { KnobSpec, Knobs } from '../protocol';

/** The settings form: one input per knob spec, plus the preset picker. */
export class KnobForm {
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private readonly preset: HTMLSelectElement;
  private values: Knobs = {};

  /**
   * @param onChange Called with the new knobs when the user edits one (or picks a preset).
   */
  constructor(
    form: HTMLElement,
    specs: readonly KnobSpec[],
    presets: Readonly<Record<string, Knobs>>,
    private readonly onChange: (knobs: Knobs) => void,
  ) {
    this.preset = document.createElement('select');
    this.preset.name = 'preset';
    for (const name of Object.keys(presets)) this.preset.append(new Option(name, name));
    this.preset.addEventListener('change', () => {
      const knobs = presets[this.preset.value];
      if (knobs) this.commit({ ...knobs });
    });
    form.append(row('Preset', this.preset, 'Small override files in the demo’s presets/ folder; tiny is for tests'));
    for (const spec of specs) {
      const input = spec.type === 'select' ? select(spec) : number(spec);
      input.name = spec.key;
      input.addEventListener('change', () => this.edit(spec, input));
      this.inputs.set(spec.key, input);
      form.append(row(spec.label, input, spec.help));
    }
  }

  /** Shows knobs the worker reports (e.g. after a load) without sending them back. */
  set(knobs: Knobs): void {
    this.values = { ...knobs };
    if (typeof knobs.preset === 'string') this.preset.value = knobs.preset;
    for (const [key, input] of this.inputs) {
      const v = knobs[key];
      if (v !== undefined) input.value = String(v);
    }
  }

  get(): Knobs {
    return { ...this.values };
  }

  private edit(spec: KnobSpec, input: HTMLInputElement | HTMLSelectElement): void {
    let value: string | number = input.value;
    if (spec.type === 'number') {
      value = Number(input.value);
      const bad = input.value.trim() === '' || !Number.isFinite(value) || (spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max);
      if (bad || (spec.step === 1 && !Number.isInteger(value))) {
        input.setCustomValidity(`Expected a${spec.step === 1 ? 'n integer' : ' number'}${spec.min !== undefined ? ` from ${spec.min}` : ''}${spec.max !== undefined ? ` to ${spec.max}` : ''}.`);
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
    }
    this.commit({ ...this.values, [spec.key]: value });
  }

  private commit(knobs: Knobs): void {
    this.set(knobs);
    this.onChange(this.get());
  }
}

function row(label: string, input: HTMLElement, help?: string): HTMLElement {
  const el = document.createElement('label');
  el.className = 'knob';
  if (help) el.title = help;
  const text = document.createElement('span');
  text.textContent = label;
  el.append(text, input);
  return el;
}

function select(spec: KnobSpec): HTMLSelectElement {
  const el = document.createElement('select');
  for (const o of spec.options ?? []) el.append(new Option(o, o));
  return el;
}

function number(spec: KnobSpec): HTMLInputElement {
  const el = document.createElement('input');
  el.type = 'number';
  el.step = spec.step === undefined ? 'any' : String(spec.step);
  if (spec.min !== undefined) el.min = String(spec.min);
  if (spec.max !== undefined) el.max = String(spec.max);
  return el;
}
