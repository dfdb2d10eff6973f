import type { MnistKnobs } from '../knobs';

// The DCGAN at half width: G dense 7x7x64 -> conv2dTranspose 32 -> 1, D conv 32 -> 64.
// About a quarter of the full DCGAN's FLOPs a step; the preset a page without a
// GPU starts (DemoInfo.withoutGpu, see config.ts).
export const dcganSmall: Partial<MnistKnobs> = {
  width: 32,
};
