import { expect } from '@playwright/test';
import { demoSuite } from '../support/demo-suite';

// The mixtures demo (demos/mixtures) on its tiny preset: Simultaneous,
// Alternating and Unrolled(2) GANs side by side on the ring of 8. Too few
// steps to show collapse; the checks are that all three train and are scored.
demoSuite({
  name: 'mixtures',
  minSteps: 8,
  generatorFiles: 6,
  async checkTrained(state) {
    const modes = await state.json<Record<string, number>>('modes');
    expect(Object.keys(modes).sort()).toEqual(['alternating', 'simultaneous', 'unrolled']);
    for (const n of Object.values(modes)) expect(n >= 0 && n <= 8, `data-modes=${JSON.stringify(modes)}`).toBe(true);
  },
});
