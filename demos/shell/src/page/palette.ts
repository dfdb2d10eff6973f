/** Line and point colours, in order: run i (or metric i, with one run) gets colour i in the chart and the views. */
export const PALETTE: readonly string[] = ['#3a86ff', '#e4572e', '#2a9d5c', '#9b5de5', '#f3a712', '#17becf'];
