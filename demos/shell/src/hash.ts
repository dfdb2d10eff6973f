/** FNV-1a (32-bit) of bytes, as 8 hex digits: a cheap fingerprint, of drawn grids (the page) and of player weights (the worker). */
export function fnv1a(bytes: ArrayLike<number>): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
