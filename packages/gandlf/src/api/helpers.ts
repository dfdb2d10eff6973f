// `gandlf.helpers`: keras_adversarial's helpers for `AdversarialModel`
// (`gan_targets`, `simple_gan`, `normal_latent_sampling`, ...).
export { buildGan, eliminateZ, fixNames, simpleBigan, simpleGan } from '../helpers/builders';
export { normalLatentSampling, uniformLatentSampling } from '../helpers/latent-sampling';
export type { LatentSampling } from '../helpers/latent-sampling';
export { ganTargets, ganTargetsHinge, nChoice } from '../helpers/targets';
