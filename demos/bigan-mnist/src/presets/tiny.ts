import { tinyMnist } from '@gandlf/demo-shell/knobs';
import type { BiganKnobs } from '../knobs';

// For tests (?preset=tiny): narrow nets on 256 test digits.
export const tiny: Partial<BiganKnobs> = { ...tinyMnist, latentDim: 8, reconstructions: 4 };
