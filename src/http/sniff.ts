/**
 * Recognise media by its first bytes (never by name or declared type), so the API can reject a text file or
 * an executable before queueing a check. Intake re-checks thoroughly; this is only the front-door filter.
 */
export type SniffedKind = 'video' | 'image';

export function sniffMedia(head: Buffer): { kind: SniffedKind; format: string } | null {
  const s = (start: number, end: number) => head.subarray(start, end).toString('latin1');
  if (head.length < 12) return null;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: 'image', format: 'jpeg' };
  if (s(0, 8) === '\x89PNG\r\n\x1a\n') return { kind: 'image', format: 'png' };
  if (s(0, 6) === 'GIF87a' || s(0, 6) === 'GIF89a') return { kind: 'video', format: 'gif' };
  if (s(0, 4) === 'RIFF' && s(8, 12) === 'WEBP') return { kind: 'image', format: 'webp' };
  if (s(0, 4) === 'RIFF' && s(8, 12) === 'AVI ') return { kind: 'video', format: 'avi' };
  if (s(0, 4) === 'II*\0' || s(0, 4) === 'MM\0*') return { kind: 'image', format: 'tiff' };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return { kind: 'video', format: 'mkv' };
  if (s(4, 8) === 'ftyp') {
    const brand = s(8, 12);
    if (/^(heic|heix|heim|heis|mif1|msf1|hevc|hevx)$/.test(brand)) return { kind: 'image', format: 'heic' };
    if (/^avi[fs]$/.test(brand)) return { kind: 'image', format: 'avif' };
    return { kind: 'video', format: brand.startsWith('qt') ? 'mov' : 'mp4' };
  }
  // QuickTime files that start with another atom (wide, mdat, moov, free).
  if (/^(moov|mdat|wide|free|skip|pnot)$/.test(s(4, 8))) return { kind: 'video', format: 'mov' };
  // MPEG-TS / AVCHD (.mts: 192-byte packets with a 4-byte prefix).
  if (head[0] === 0x47 || (head.length > 4 && head[4] === 0x47)) {
    const step = head[0] === 0x47 ? 188 : 192;
    const off = head[0] === 0x47 ? 0 : 4;
    if (head.length < off + step + 1 || head[off + step] === 0x47) return { kind: 'video', format: 'mts' };
  }
  return null;
}
