import type { AaeKnobs } from '../knobs';

// keras_adversarial's example_aae as MLPs on all 60000 training digits, with a
// 2-D code so the scatter shows all of it. The defaults in config.ts are this preset.
export const mlp: Partial<AaeKnobs> = {};
