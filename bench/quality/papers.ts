// Published figures on the same two mixtures, quoted (from memory of the
// papers' tables; see bench/README.md) to set ours beside. Setups differ:
// networks, training length, the grid's spacing and the count of trials.

/** One published row: mean modes covered, high-quality share and reverse KL where given. */
export interface PaperRow {
  paper: string;
  method: string;
  mixture: 'ring' | 'grid';
  modes: number;
  /** In [0, 1]. */
  highQualityShare: number;
  reverseKL?: number;
}

export const PAPERS: PaperRow[] = [
  // VEEGAN (Srivastava et al., NeurIPS 2017), Table 1: 2,500 samples, averaged over 10 runs.
  { paper: 'VEEGAN Table 1', method: 'GAN', mixture: 'ring', modes: 1.0, highQualityShare: 0.993 },
  { paper: 'VEEGAN Table 1', method: 'ALI', mixture: 'ring', modes: 2.8, highQualityShare: 0.0013 },
  { paper: 'VEEGAN Table 1', method: 'Unrolled GAN', mixture: 'ring', modes: 7.6, highQualityShare: 0.356 },
  { paper: 'VEEGAN Table 1', method: 'VEEGAN', mixture: 'ring', modes: 8.0, highQualityShare: 0.529 },
  { paper: 'VEEGAN Table 1', method: 'GAN', mixture: 'grid', modes: 3.3, highQualityShare: 0.005 },
  { paper: 'VEEGAN Table 1', method: 'ALI', mixture: 'grid', modes: 15.8, highQualityShare: 0.016 },
  { paper: 'VEEGAN Table 1', method: 'Unrolled GAN', mixture: 'grid', modes: 23.6, highQualityShare: 0.16 },
  { paper: 'VEEGAN Table 1', method: 'VEEGAN', mixture: 'grid', modes: 24.6, highQualityShare: 0.4 },
  // PacGAN (Lin et al., NeurIPS 2018), Tables 1 (ring) and 2 (grid): 2,500 samples, 10 trials; the GAN is VEEGAN's architecture trained longer.
  { paper: 'PacGAN Table 1', method: 'GAN', mixture: 'ring', modes: 6.3, highQualityShare: 0.982, reverseKL: 0.45 },
  { paper: 'PacGAN Table 1', method: 'PacGAN2', mixture: 'ring', modes: 7.9, highQualityShare: 0.956, reverseKL: 0.07 },
  { paper: 'PacGAN Table 2', method: 'GAN', mixture: 'grid', modes: 17.3, highQualityShare: 0.948, reverseKL: 0.7 },
  { paper: 'PacGAN Table 2', method: 'PacGAN2', mixture: 'grid', modes: 23.8, highQualityShare: 0.913, reverseKL: 0.13 },
  { paper: 'PacGAN Table 2', method: 'PacGAN4', mixture: 'grid', modes: 24.8, highQualityShare: 0.935, reverseKL: 0.04 },
];
