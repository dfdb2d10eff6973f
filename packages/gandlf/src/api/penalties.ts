// `gandlf.penalties`: extra loss terms of a player (`compile({ penalties })`),
// and what a custom penalty implements.
export { gradientPenalty } from '../penalties/gradient-penalty';
export type { GradientPenaltyOptions } from '../penalties/gradient-penalty';
export { r1Penalty } from '../penalties/r1';
export type { R1Options } from '../penalties/r1';
export { relativisticAverage, relativisticAverageLoss } from '../penalties/relativistic-average';
export type { RelativisticAverageOptions } from '../penalties/relativistic-average';
export { registerPenalty } from '../engine/penalty';
export type { Penalty, PenaltyContext } from '../engine/penalty';
export { isGanContext } from '../gan/game';
export type { GanContext } from '../gan/game';
