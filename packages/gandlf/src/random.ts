/**
 * A small seedable random stream (splitmix32). Its whole state is one
 * integer, so a checkpoint can store it and a resumed run draws the same
 * shuffles and noise as an uninterrupted one.
 *
 * @example
 * const rng = new Random(42);
 * tf.randomNormal([8, 2], 0, 1, 'float32', rng.nextSeed());
 */
export class Random {
  private state: number;

  /** @param seed Any number; omitted, the stream starts from `Math.random()`. */
  constructor(seed?: number) {
    this.state = seed === undefined ? Math.floor(Math.random() * 2 ** 32) >>> 0 : hashSeed(seed);
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 2 ** 32;
  }

  /** A seed for one tfjs random op (`tf.randomNormal(..., seed)`). */
  nextSeed(): number {
    return this.nextUint32();
  }

  /** A random permutation of `0..n-1` (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return out;
  }

  /** The stream's position, to store in a checkpoint. */
  getState(): number {
    return this.state;
  }

  /** Moves the stream to a position returned by `getState`. */
  setState(state: number): void {
    this.state = state >>> 0;
  }
}

function hashSeed(seed: number): number {
  // Mix non-integer and negative seeds into 32 bits deterministically.
  const x = Math.floor(Math.abs(seed) * 1000003) ^ (seed < 0 ? 0x5bd1e995 : 0);
  return (x ^ 0xdeadbeef) >>> 0;
}
