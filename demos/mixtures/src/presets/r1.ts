import type { MixtureKnobs } from '../knobs';

// Cross-entropy on logits with the R1 penalty on real points (Mescheder et al. 2018), γ 1.
export const r1: Partial<MixtureKnobs> = { technique: 'r1' };
