// Issue 19's bar for good digits, shared by the page's runs and PyTorch's.

/** A Fréchet distance of at most 100 with at least 9 digits at 5% of the samples or more. */
export const BAR = { frechet: 100, digits: 9 } as const;

/** Whether a score meets the bar. */
export const meetsBar = (frechet: number, digits: number): boolean => frechet <= BAR.frechet && digits >= BAR.digits;
