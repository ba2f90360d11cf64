/** ffprobe's JSON output (the fields genproof reads); also what the ffmpeg banner fallback parses into. */
export interface ProbeStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  codec_tag_string?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
}

export interface ProbeResult {
  streams: ProbeStream[];
  format: { format_name?: string; duration?: string; size?: string; tags?: Record<string, string> };
}
