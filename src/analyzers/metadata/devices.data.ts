/**
 * Device makers whose names identify a capture device when found in Make/Model/Author/firmware/encoder tags, and
 * maker-specific telemetry tracks. Data, not logic: extend here. Sources: exiftool tag documentation
 * (exiftool.org/TagNames/QuickTime.html, GoPro.html, DJI.html), GoPro GPMF spec (github.com/gopro/gpmf-parser),
 * Google CAMM spec (developers.google.com/streetview/publish/camm-spec), checked 2026-11.
 */
export interface DeviceMaker {
  name: string;
  /** Case-insensitive patterns matched against identity-bearing tags. */
  patterns: RegExp[];
}

export const DEVICE_MAKERS: DeviceMaker[] = [
  { name: 'Apple', patterns: [/^apple$/i, /\biphone\b/i, /\bipad\b/i] },
  { name: 'Samsung', patterns: [/samsung/i, /\bSM-[A-Z]\d+/] },
  { name: 'Google', patterns: [/^google$/i, /\bpixel\b/i] },
  { name: 'Huawei', patterns: [/huawei/i] },
  { name: 'Honor', patterns: [/^honor$/i] },
  { name: 'Xiaomi', patterns: [/xiaomi/i, /\bredmi\b/i] },
  { name: 'OPPO', patterns: [/^oppo$/i] },
  { name: 'vivo', patterns: [/^vivo$/i] },
  { name: 'OnePlus', patterns: [/oneplus/i] },
  { name: 'Motorola', patterns: [/motorola/i] },
  { name: 'Sony', patterns: [/^sony/i, /\bILCE-\d/i, /\bXperia\b/i] },
  { name: 'Canon', patterns: [/canon/i] },
  { name: 'Nikon', patterns: [/nikon/i] },
  { name: 'Fujifilm', patterns: [/fujifilm/i] },
  { name: 'Panasonic', patterns: [/panasonic/i, /\bLUMIX\b/i] },
  { name: 'Olympus', patterns: [/olympus/i, /OM Digital/i] },
  { name: 'Leica', patterns: [/leica/i] },
  { name: 'GoPro', patterns: [/gopro/i, /^HD\d\.\d\d\./, /^H\d\d\.\d\d\./] },
  { name: 'DJI', patterns: [/^dji/i] },
  { name: 'Insta360', patterns: [/insta360/i] },
  { name: 'FLIR', patterns: [/\bflir\b/i] },
  { name: 'Garmin', patterns: [/garmin/i] },
  { name: 'LG', patterns: [/^lg(e| electronics)?$/i] },
  { name: 'HTC', patterns: [/^htc$/i] },
  { name: 'Nokia', patterns: [/^nokia$/i, /^HMD Global$/i] },
  { name: 'Blackmagic', patterns: [/blackmagic/i] },
  { name: 'RED', patterns: [/^red digital cinema/i] },
  { name: 'ARRI', patterns: [/^arri$/i] },
];

/** Timed-metadata tracks written only by capture devices (codec tag or handler name). */
export const TELEMETRY_TRACKS: { maker: string; codecTags: string[]; handlers: RegExp[]; what: string }[] = [
  { maker: 'GoPro', codecTags: ['gpmd'], handlers: [/GoPro MET/i], what: 'GPMF telemetry (accelerometer, gyroscope, GPS)' },
  { maker: 'Google/Android', codecTags: ['camm'], handlers: [/CameraMetadataMotionHandler/i], what: 'CAMM camera motion metadata' },
  { maker: 'DJI', codecTags: ['djmd', 'dbgi'], handlers: [/DJI meta/i], what: 'DJI flight telemetry' },
  { maker: 'Sony', codecTags: ['rtmd'], handlers: [/Timed Metadata Media Handler/i], what: 'Sony real-time metadata' },
  { maker: 'Insta360', codecTags: ['inst'], handlers: [/INS/], what: 'Insta360 gyro data' },
];

/** Encoder/software strings that mean "re-encoded or edited", never "generated". */
export const REENCODERS: { pattern: RegExp; name: string }[] = [
  { pattern: /^Lavf|Lavc|libavformat|ffmpeg/i, name: 'FFmpeg (libavformat)' },
  { pattern: /HandBrake/i, name: 'HandBrake' },
  { pattern: /AVC Coding|Adobe|Premiere|After Effects|Media Encoder/i, name: 'Adobe encoder' },
  { pattern: /CapCut|剪映|Jianying/i, name: 'CapCut / 剪映' },
  { pattern: /iMovie|Final Cut|Compressor/i, name: 'Apple editing software' },
  { pattern: /DaVinci|Resolve/i, name: 'DaVinci Resolve' },
  { pattern: /VN Video|InShot|Kinemaster|快影|必剪/i, name: 'mobile video editor' },
  { pattern: /x264|x265/i, name: 'x264/x265 encoder' },
];
