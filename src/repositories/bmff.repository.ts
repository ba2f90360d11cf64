import { open } from 'node:fs/promises';

export interface BmffCheck {
  ok: boolean;
  /** Top-level box types in order. */
  boxes: string[];
  problem?: string;
}

/**
 * Walk the top-level ISO-BMFF boxes (mp4/mov/m4v/3gp/heic/avif) reading only their headers, to detect files cut
 * short: a box that claims more bytes than the file has, or no `moov`/`meta` at all.
 */
export async function checkBmffStructure(path: string, fileSize: number): Promise<BmffCheck> {
  const fh = await open(path, 'r');
  const boxes: string[] = [];
  try {
    let off = 0;
    const hdr = Buffer.alloc(16);
    while (off < fileSize) {
      if (fileSize - off < 8) return { ok: false, boxes, problem: `${fileSize - off} trailing bytes at offset ${off}` };
      await fh.read(hdr, 0, 16, off);
      let size = hdr.readUInt32BE(0);
      const type = hdr.toString('latin1', 4, 8);
      if (size === 1) size = Number(hdr.readBigUInt64BE(8));
      else if (size === 0) size = fileSize - off;
      if (size < 8) return { ok: false, boxes, problem: `invalid box size ${size} for "${type}" at offset ${off}` };
      boxes.push(type);
      if (off + size > fileSize)
        return { ok: false, boxes, problem: `the "${type}" box at offset ${off} needs ${size} bytes but only ${fileSize - off} remain — the file was cut short` };
      off += size;
      if (boxes.length > 100_000) break;
    }
  } finally {
    await fh.close();
  }
  if (!boxes.includes('moov') && !boxes.includes('meta')) return { ok: false, boxes, problem: 'no "moov" box (the index of the movie is missing)' };
  return { ok: true, boxes };
}
