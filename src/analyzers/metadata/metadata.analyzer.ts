import type { Config } from '../../config/config.js';
import { evidence, type Evidence } from '../../domain/evidence.js';
import type { MediaInfo } from '../../domain/media.js';
import { readTags } from '../../repositories/exif.repository.js';
import type { Analyzer, AnalyzerContext, AnalyzerOutput } from '../analyzer.js';
import { extractFacts, type MetadataFacts } from './metadata.facts.js';

const fmtGps = (g: NonNullable<MetadataFacts['gps']>) => `${g.lat.toFixed(4)}, ${g.lon.toFixed(4)}`;

/** Turn metadata facts into evidence items (pure). */
export function metadataEvidence(f: MetadataFacts, media: Pick<MediaInfo, 'kind'>): Evidence[] {
  const out: Evidence[] = [];
  const device = [f.make, f.model].filter(Boolean).join(' ') || f.deviceMaker;
  if (f.deviceMaker) {
    out.push(evidence({
      analyzer: 'metadata', code: 'device_identity', direction: 'neutral', weight: 0.3,
      detail: `The file names a capture device: ${device} (${f.deviceTag}).${f.software ? ` Software: ${f.software}.` : ''}`,
      detail_zh: `文件元数据记录了拍摄设备：${device}（${f.deviceTag}）。${f.software ? `软件：${f.software}。` : ''}`,
      data: { make: f.make, model: f.model, maker: f.deviceMaker, tag: f.deviceTag, lens: f.lens, serial: f.serial, software: f.software },
    }));
  }
  if (f.gps) {
    out.push(evidence({
      analyzer: 'metadata', code: 'gps_location', direction: 'neutral', weight: 0.2,
      detail: `The file carries a GPS position (${fmtGps(f.gps)}, ${f.gps.tag}).`,
      detail_zh: `文件带有GPS位置（${fmtGps(f.gps)}，${f.gps.tag}）。`,
      data: { ...f.gps },
    }));
  }
  if (!f.gps && f.gpsPlaceholder) {
    out.push(evidence({
      analyzer: 'metadata', code: 'gps_placeholder', direction: 'neutral', weight: 0.1,
      detail: `The file's GPS position is 0, 0 (${f.gpsPlaceholder}): a placeholder written when no fix was available, not a place.`,
      detail_zh: `文件的GPS位置为 0, 0（${f.gpsPlaceholder}）：这是没有定位时写入的占位值，不代表任何地点。`,
      data: { lat: 0, lon: 0, tag: f.gpsPlaceholder },
    }));
  }
  for (const t of f.telemetry) {
    out.push(evidence({
      analyzer: 'metadata', code: 'maker_telemetry', direction: 'neutral', weight: 0.3,
      detail: `The file has a ${t.maker} ${t.what} track (${t.track}), which cameras write while recording.`,
      detail_zh: `文件含有${t.maker}的${t.what}数据轨（${t.track}），这是相机录制时写入的。`,
      data: { ...t },
    }));
  }
  if (f.deviceMaker && (f.gps || f.telemetry.length > 0)) {
    const support = [f.gps ? 'a GPS position' : null, f.telemetry.length ? `${f.telemetry[0].maker} telemetry` : null].filter(Boolean).join(' and ');
    const supportZh = [f.gps ? 'GPS位置' : null, f.telemetry.length ? `${f.telemetry[0].maker}传感器数据` : null].filter(Boolean).join('和');
    out.push(evidence({
      analyzer: 'metadata', code: 'camera_origin', direction: 'real', weight: 0.7,
      detail: `Strong camera metadata: a device identity (${device}) plus ${support}. This points to camera footage, but metadata can be forged — it is weaker than signed provenance.`,
      detail_zh: `较强的相机元数据：设备信息（${device}）加上${supportZh}，指向实拍素材；但元数据可以伪造，证明力弱于签名的来源凭证。`,
      data: { device, gps: Boolean(f.gps), telemetry: f.telemetry.map((t) => t.maker) },
      decides: { is_ai: false, tier: 'camera_metadata' },
    }));
  }
  if (f.captureDate) {
    out.push(evidence({
      analyzer: 'metadata', code: 'capture_date', direction: 'neutral', weight: 0.2,
      detail: `The file says it was recorded on ${f.captureDate.date} (${f.captureDate.tag}).`,
      detail_zh: `文件记录的拍摄/创建时间为 ${f.captureDate.date}（${f.captureDate.tag}）。`,
      data: { ...f.captureDate },
    }));
  }
  if (f.encodeDate && f.encodeDate.date !== f.captureDate?.date) {
    out.push(evidence({
      analyzer: 'metadata', code: 'encode_date', direction: 'neutral', weight: 0.1,
      detail: `The file was last written on ${f.encodeDate.date} (${f.encodeDate.tag}).`,
      detail_zh: `文件最后写入时间为 ${f.encodeDate.date}（${f.encodeDate.tag}）。`,
      data: { ...f.encodeDate },
    }));
  }
  if (f.encoder) {
    out.push(evidence({
      analyzer: 'metadata', code: 'reencoded_by', direction: 'neutral', weight: 0.1,
      detail: `The file was encoded or edited by ${f.encoder.name} ("${f.encoder.value}", ${f.encoder.tag}). Re-encoding says nothing about whether the pictures are camera footage or AI.`,
      detail_zh: `文件经 ${f.encoder.name} 编码或编辑（"${f.encoder.value}"，${f.encoder.tag}）。重新编码本身不能说明画面是实拍还是AI生成。`,
      data: { ...f.encoder },
    }));
  }
  if (!f.deviceMaker && !f.gps && !f.captureDate && f.telemetry.length === 0) {
    out.push(evidence({
      analyzer: 'metadata', code: 'metadata_stripped', direction: 'neutral', weight: 0.2,
      detail: `The ${media.kind} carries no camera identity, no GPS and no capture date: its metadata was stripped or never written (typical of re-uploads and of generated files alike).`,
      detail_zh: `该${media.kind === 'video' ? '视频' : '图片'}没有设备信息、GPS或拍摄时间：元数据被清除或从未写入（转载和生成文件都常见）。`,
    }));
  }
  return out;
}

/** Metadata analyzer on exiftool-vendored + ffprobe's format tags and streams. */
export class MetadataAnalyzer implements Analyzer {
  readonly name = 'metadata';
  constructor(private readonly config: Config) {}
  appliesTo(_post: unknown, media: MediaInfo | null): boolean {
    return media !== null;
  }
  async analyze(ctx: AnalyzerContext): Promise<AnalyzerOutput> {
    const media = ctx.media!;
    const tags = ctx.session ? await ctx.session.tags() : await readTags(media.path, this.config.timeouts.exiftoolMs);
    const facts = extractFacts(tags as Record<string, unknown>, media);
    ctx.progress(1);
    return { evidence: metadataEvidence(facts, media), extra: { metadata: facts } };
  }
}
