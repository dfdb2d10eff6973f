import { tinyTraining } from '@gandlf/demo-shell/knobs';
import type { ImagesKnobs } from '../knobs';

// For tests (?preset=tiny): an MLP GAN of a few thousand units, G 16-32-64-3072, D 3072-64-32-1.
export const tiny: Partial<ImagesKnobs> = { ...tinyTraining, architecture: 'mlp', latentDim: 16 };
