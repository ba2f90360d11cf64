/** `len` bytes from `start` as a Latin-1 string (for magic numbers and box types); shorter at the end of `b`. */
export function ascii(b: Uint8Array, start: number, len: number): string {
  let s = '';
  for (let i = start; i < start + len && i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}
