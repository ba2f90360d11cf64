import type { ContainerFormat, MediaKind } from '../domain/media.js';
import { ascii } from './bytes.js';

export interface Sniffed {
  container: ContainerFormat;
  kind: MediaKind;
  mime: string;
}

const MIME: Record<ContainerFormat, string> = {
  mp4: 'video/mp4', mov: 'video/quicktime', m4v: 'video/x-m4v', '3gp': 'video/3gpp', avi: 'video/x-msvideo',
  mts: 'video/mp2t', mkv: 'video/x-matroska', webm: 'video/webm', gif: 'image/gif', jpeg: 'image/jpeg',
  png: 'image/png', webp: 'image/webp', heic: 'image/heic', avif: 'image/avif', tiff: 'image/tiff',
};

function make(container: ContainerFormat, kind: MediaKind): Sniffed {
  return { container, kind, mime: MIME[container] };
}

/** ISO-BMFF brands (ftyp major + compatible) → container. */
function fromBrands(brands: string[]): Sniffed {
  const has = (...xs: string[]) => xs.some((x) => brands.includes(x));
  if (has('avif', 'avis')) return make('avif', 'image');
  if (has('heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'heif')) return make('heic', 'image');
  if (brands[0]?.startsWith('qt')) return make('mov', 'video');
  if (brands[0]?.startsWith('3g')) return make('3gp', 'video');
  if (brands[0] === 'M4V ' || brands[0] === 'M4VH' || brands[0] === 'M4VP') return make('m4v', 'video');
  return make('mp4', 'video');
}

/**
 * Recognise a media file by its first bytes (at least 4 KiB recommended), never by its name.
 * Returns null for anything that is not a supported video or image.
 */
export function sniffMedia(head: Uint8Array): Sniffed | null {
  if (head.length < 12) return null;
  const box = ascii(head, 4, 4);
  if (box === 'ftyp') {
    const size = (head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3];
    const brands = [ascii(head, 8, 4)];
    for (let o = 16; o + 4 <= Math.min(size, head.length); o += 4) brands.push(ascii(head, o, 4));
    return fromBrands(brands);
  }
  if (['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(box)) return make('mov', 'video');
  const riff = ascii(head, 0, 4);
  if (riff === 'RIFF') {
    const t = ascii(head, 8, 4);
    if (t === 'AVI ') return make('avi', 'video');
    if (t === 'WEBP') return make('webp', 'image');
    return null;
  }
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    const text = ascii(head, 0, Math.min(head.length, 64));
    return text.includes('webm') ? make('webm', 'video') : make('mkv', 'video');
  }
  const gif = ascii(head, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return make('gif', 'video');
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return make('jpeg', 'image');
  if (head[0] === 0x89 && ascii(head, 1, 3) === 'PNG') return make('png', 'image');
  if ((head[0] === 0x49 && head[1] === 0x49 && head[2] === 0x2a && head[3] === 0) ||
      (head[0] === 0x4d && head[1] === 0x4d && head[2] === 0 && head[3] === 0x2a)) return make('tiff', 'image');
  // MPEG transport stream (188-byte packets) or M2TS/MTS (192-byte packets with a 4-byte timecode).
  if (head.length >= 380 && head[0] === 0x47 && head[188] === 0x47) return make('mts', 'video');
  if (head.length >= 388 && head[4] === 0x47 && head[196] === 0x47) return make('mts', 'video');
  return null;
}
