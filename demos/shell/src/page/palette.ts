/** Line and point colours, in order: run i (or metric i, with one run) gets colour i in the chart and the views. */
export const PALETTE: readonly string[] = ['#3a86ff', '#e4572e', '#2a9d5c', '#9b5de5', '#f3a712', '#17becf'];

/** Class colours for scatter views (matplotlib's tab10): digit i gets colour i. */
export const CLASS_PALETTE: readonly string[] = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
