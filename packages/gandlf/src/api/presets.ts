// `gandlf.presets`: ready-made games that learn their data set as they are.
export { ringMlp } from '../presets/ring-preset';
export type { RingMlpOptions, RingPreset, RingPresetOptions } from '../presets/ring-preset';
export { hingeSnRing } from '../presets/hinge-sn-ring';
export type { HingeSnRingOptions } from '../presets/hinge-sn-ring';
export { wganGpRing } from '../presets/wgan-gp-ring';
export type { WganGpRingOptions } from '../presets/wgan-gp-ring';
export { mixtureLatentGan, mixtureLatentGenerator } from '../presets/mixture-latent-gan';
export type { MixtureLatentGanOptions, MixtureLatentGeneratorOptions } from '../presets/mixture-latent-gan';
