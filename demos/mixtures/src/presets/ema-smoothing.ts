import type { MixtureKnobs } from '../knobs';

// One-sided label smoothing (Salimans et al. 2016: D learns real -> 0.1 instead
// of 0) and an EMA of the generator's weights (Yazıcı et al. 2019): the panels
// draw from the average.
export const emaSmoothing: Partial<MixtureKnobs> = { labelSmoothing: 0.1, ema: 0.99 };
