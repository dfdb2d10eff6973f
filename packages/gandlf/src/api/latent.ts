// `gandlf.latent`: tools for a trained generator's latent space.
export { latentSearch } from '../latent/latent-search';
export type { LatentSearchOptions, LatentSearchResult } from '../latent/latent-search';
export { interpolateLatents } from '../latent/interpolate';
export type { InterpolateOptions } from '../latent/interpolate';
