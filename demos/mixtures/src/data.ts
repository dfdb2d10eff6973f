// The real distribution the three GANs learn: the `mixture` knob's Gaussians,
// or the user's own points (the `data` knob). No tfjs here: the page reads the
// panel's extent from it too.
import { gridMixture, pointCloud, ringMixture, type Mixture } from '@gandlf/datasets';
import type { MixtureKnobs } from './knobs';
import { decodePoints } from './points-code';

/** Plane shown around the mixture's outermost centre, on each side. */
export const PANEL_MARGIN = 1.5;

/** The `mixture` knob's Gaussians. */
export const mixtureOf = (knobs: Pick<MixtureKnobs, 'mixture'>): Mixture => (knobs.mixture === 'grid' ? gridMixture() : ringMixture());

/** The largest coordinate of any centre: 4 for the grid, 2 for the ring. */
export const dataExtent = (mixture: Pick<Mixture, 'centers'>): number => Math.max(...Array.from(mixture.centers, Math.abs));

/**
 * Half the side of every panel: the mixture's, with custom data too (the
 * drawn points lie in that square, and loaded ones are checked against it):
 * 3.5 for the ring, 5.5 for the grid.
 */
export const panelExtent = (knobs: Pick<MixtureKnobs, 'mixture'>): number => dataExtent(mixtureOf(knobs)) + PANEL_MARGIN;

/** Where the real points come from: the mixture knob, or the user's point set (`drawn`: drawn or loaded alike). */
export type DataSource = 'mixture' | 'drawn';

/**
 * The real distribution of these knobs: `pointCloud` of the `data` knob's
 * points when it is set (its modes the greedy cover's centres), else the mixture.
 * A checkpoint from before the `data` knob has none: the mixture.
 */
export function realData(knobs: Pick<MixtureKnobs, 'mixture' | 'data'>): { readonly distribution: Mixture; readonly source: DataSource } {
  if (!knobs.data) return { distribution: mixtureOf(knobs), source: 'mixture' };
  return { distribution: pointCloud(decodePoints(knobs.data)), source: 'drawn' };
}
