import type { ProbeResult, ProbeStream } from './probe.types.js';

/** Parse the stream summary that `ffmpeg -i FILE` prints (pure; used when ffprobe itself fails). */
export function parseFfmpegBanner(stderr: string): ProbeResult {
  const streams: ProbeStream[] = [];
  const format: ProbeResult['format'] = {};
  const input = stderr.match(/^Input #0, ([^,\s]+)/m);
  if (input) format.format_name = input[1];
  const dur = stderr.match(/Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/);
  if (dur) format.duration = String(Number(dur[1]) * 3600 + Number(dur[2]) * 60 + Number(dur[3]));
  const re = /^\s*Stream #0:(\d+)[^:]*: (Video|Audio|Data|Subtitle|Attachment): ([^\n]*)$/gm;
  for (const m of stderr.matchAll(re)) {
    const [, idx, type, rest] = m;
    const s: ProbeStream = { index: Number(idx), codec_type: type.toLowerCase(), codec_name: rest.split(/[\s,(]/)[0] };
    if (type === 'Video') {
      const wh = rest.match(/, (\d{2,5})x(\d{2,5})/);
      if (wh) {
        s.width = Number(wh[1]);
        s.height = Number(wh[2]);
      }
      const fps = rest.match(/([\d.]+) fps/) ?? rest.match(/([\d.]+) tbr/);
      if (fps) s.avg_frame_rate = `${Math.round(Number(fps[1]) * 1000)}/1000`;
    }
    streams.push(s);
  }
  return { streams, format };
}
