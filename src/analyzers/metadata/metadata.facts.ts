import type { MediaInfo } from '../../domain/media.js';
import { DEVICE_MAKERS, REENCODERS, TELEMETRY_TRACKS } from './devices.data.js';

/** What the metadata says, before it is turned into evidence (pure; testable on plain objects). */
export interface MetadataFacts {
  make: string | null;
  model: string | null;
  /** Which maker the identity-bearing tags point to (from Make, Model, Author, firmware, encoder names). */
  deviceMaker: string | null;
  /** Tag that revealed the device identity. */
  deviceTag: string | null;
  lens: string | null;
  serial: string | null;
  software: string | null;
  gps: { lat: number; lon: number; tag: string } | null;
  /** Tag that held GPS 0,0 — a placeholder written without a fix, never a place. */
  gpsPlaceholder?: string | null;
  telemetry: { maker: string; what: string; track: string }[];
  captureDate: { date: string; tag: string } | null;
  encodeDate: { date: string; tag: string } | null;
  encoder: { value: string; name: string; tag: string } | null;
  androidVersion: string | null;
}

type TagBag = Record<string, unknown>;

function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  return null;
}

/** Normalise exiftool-vendored dates (ExifDateTime/ExifDate objects) and strings to ISO strings. */
export function toIsoDate(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  let iso: string | null = null;
  if (typeof v === 'object' && v !== null) {
    const o = v as { toISOString?: () => string | undefined; year?: number; month?: number; day?: number; rawValue?: string };
    if (typeof o.year === 'number' && typeof o.month === 'number' && typeof o.day === 'number') {
      try {
        iso = o.toISOString?.() ?? null;
      } catch {
        iso = null;
      }
      if (!iso) iso = `${o.year}-${String(o.month).padStart(2, '0')}-${String(o.day).padStart(2, '0')}`;
    }
  } else if (typeof v === 'string') {
    const m = v.match(/^(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(.*)$/);
    if (m) iso = m[4] ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${normTz(m[7])}` : `${m[1]}-${m[2]}-${m[3]}`;
  }
  if (!iso) return null;
  const year = Number(iso.slice(0, 4));
  // QuickTime's zero date (1904), camera defaults (1970/1980) and future dates carry no information.
  if (year < 1990 || iso.slice(0, 10) > new Date(Date.now() + 86400000).toISOString().slice(0, 10)) return null;
  return iso;
}

function normTz(rest: string | undefined): string {
  const t = (rest ?? '').trim();
  if (/^Z$/i.test(t)) return 'Z';
  const m = t.match(/^([+-]\d{2}):?(\d{2})$/);
  return m ? `${m[1]}:${m[2]}` : '';
}

function parseIso6709(s: string): { lat: number; lon: number } | null {
  const m = s.match(/^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)/);
  return m ? { lat: Number(m[1]), lon: Number(m[2]) } : null;
}

function makerOf(value: string | null): string | null {
  if (!value) return null;
  for (const mk of DEVICE_MAKERS) if (mk.patterns.some((p) => p.test(value))) return mk.name;
  return null;
}

/**
 * Extract facts from exiftool tags plus ffprobe's format tags and streams.
 * Only identity-bearing tags count toward a device: Make, Model, Apple/Android make/model keys, Author/Artist when
 * they name a known device maker, firmware and capture-encoder names. Container shape never does.
 */
export function extractFacts(tags: TagBag, media: Pick<MediaInfo, 'formatTags' | 'streams'>): MetadataFacts {
  const ft = media.formatTags ?? {};
  const make = str(tags.Make) ?? str(ft['com.apple.quicktime.make']) ?? str(ft['com.android.manufacturer']) ?? str(tags.AndroidMake) ?? null;
  const model = str(tags.Model) ?? str(ft['com.apple.quicktime.model']) ?? str(ft['com.android.model']) ?? str(tags.AndroidModel) ?? null;

  let deviceMaker: string | null = null;
  let deviceTag: string | null = null;
  const identitySources: [string, string | null][] = [
    ['Make', make],
    ['Model', model],
    ['Author', str(tags.Author)],
    ['Artist', str(tags.Artist)],
    ['FirmwareVersion', str(tags.FirmwareVersion) ?? str(ft.firmware)],
    ['CompressorName', str(tags.CompressorName)],
    ['HandlerName', media.streams?.find((s) => s.type === 'video')?.handler ?? null],
    ['Software', str(tags.Software)],
  ];
  for (const [tag, value] of identitySources) {
    const mk = makerOf(value);
    if (mk) {
      deviceMaker = mk;
      deviceTag = `${tag}=${value}`;
      break;
    }
  }
  if (!deviceMaker && make) {
    deviceMaker = make;
    deviceTag = `Make=${make}`;
  } else if (!deviceMaker && model) {
    deviceMaker = model;
    deviceTag = `Model=${model}`;
  }

  let gps: MetadataFacts['gps'] = null;
  let gpsPlaceholder: string | null = null;
  const lat = Number(tags.GPSLatitude);
  const lon = Number(tags.GPSLongitude);
  if (tags.GPSLatitude !== undefined && Number.isFinite(lat) && Number.isFinite(lon) && !(lat === 0 && lon === 0)) {
    gps = { lat, lon, tag: 'GPSLatitude/GPSLongitude' };
  } else {
    if (tags.GPSLatitude !== undefined && lat === 0 && lon === 0) gpsPlaceholder = 'GPSLatitude/GPSLongitude';
    for (const key of ['com.apple.quicktime.location.ISO6709', 'location', 'location-eng']) {
      const p = ft[key] ? parseIso6709(ft[key]) : null;
      if (p && !(p.lat === 0 && p.lon === 0)) {
        gps = { ...p, tag: key };
        gpsPlaceholder = null;
        break;
      }
      if (p) gpsPlaceholder ??= key;
    }
  }

  const telemetry: MetadataFacts['telemetry'] = [];
  for (const s of media.streams ?? []) {
    if (s.type !== 'data' && s.type !== 'other' && s.type !== 'subtitle') continue;
    for (const t of TELEMETRY_TRACKS) {
      const tagHit = s.codec && t.codecTags.includes(s.codec.toLowerCase());
      const handlerHit = s.handler && (t.handlers.some((h) => h.test(s.handler!)) || t.codecTags.includes(s.handler.toLowerCase()));
      if (tagHit || handlerHit) telemetry.push({ maker: t.maker, what: t.what, track: `stream ${s.index} (${s.handler ?? s.codec})` });
    }
  }

  const captureCandidates: [string, unknown][] = [
    ['EXIF:DateTimeOriginal', tags.DateTimeOriginal],
    ['QuickTime:com.apple.quicktime.creationdate', ft['com.apple.quicktime.creationdate'] ?? tags.CreationDate],
    ['QuickTime:CreateDate', tags.CreateDate],
    ['QuickTime:MediaCreateDate', tags.MediaCreateDate],
    ['QuickTime:TrackCreateDate', tags.TrackCreateDate],
    ['format:creation_time', ft.creation_time],
  ];
  let captureDate: MetadataFacts['captureDate'] = null;
  for (const [tag, v] of captureCandidates) {
    const d = toIsoDate(v);
    if (d) {
      captureDate = { date: d, tag };
      break;
    }
  }
  let encodeDate: MetadataFacts['encodeDate'] = null;
  for (const [tag, v] of [['QuickTime:ModifyDate', tags.ModifyDate], ['EXIF:ModifyDate', tags.ModifyDate], ['format:creation_time', ft.creation_time]] as [string, unknown][]) {
    const d = toIsoDate(v);
    if (d) {
      encodeDate = { date: d, tag };
      break;
    }
  }

  let encoder: MetadataFacts['encoder'] = null;
  for (const [tag, v] of [['format:encoder', ft.encoder], ['Encoder', tags.Encoder], ['Software', tags.Software], ['CompressorName', tags.CompressorName], ['XMP:CreatorTool', tags.CreatorTool]] as [string, unknown][]) {
    const value = str(v);
    if (!value) continue;
    const hit = REENCODERS.find((r) => r.pattern.test(value));
    if (hit) {
      encoder = { value, name: hit.name, tag };
      break;
    }
  }

  return {
    make,
    model,
    deviceMaker,
    deviceTag,
    lens: str(tags.LensModel) ?? str(tags.Lens) ?? null,
    serial: str(tags.SerialNumber) ?? str(tags.LensSerialNumber) ?? str(tags.InternalSerialNumber) ?? null,
    software: str(tags.Software) ?? str(ft['com.apple.quicktime.software']) ?? null,
    gps,
    gpsPlaceholder,
    telemetry,
    captureDate,
    encodeDate,
    encoder,
    androidVersion: str(tags.AndroidVersion) ?? str(ft['com.android.version']) ?? null,
  };
}
