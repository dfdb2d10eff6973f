import { tinyMnist } from '@gandlf/demo-shell/knobs';
import type { AaeKnobs } from '../knobs';

// For tests (?preset=tiny): narrow nets on 256 test digits.
export const tiny: Partial<AaeKnobs> = { ...tinyMnist, reconstructions: 4, scatterPoints: 128 };
