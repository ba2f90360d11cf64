import { ExifTool, type Tags } from 'exiftool-vendored';
import { ToolError } from '../domain/errors.js';
import { countTool } from './tool-stats.repository.js';

/** Raw exiftool tags (exiftool-vendored's Tags, with dates as ExifDateTime objects). */
export type RawTags = Tags & Record<string, unknown>;

let shared: { tool: ExifTool; timeoutMs: number } | null = null;

function tool(timeoutMs: number): ExifTool {
  if (!shared || shared.timeoutMs !== timeoutMs) {
    void shared?.tool.end();
    shared = { tool: new ExifTool({ taskTimeoutMillis: timeoutMs, maxProcs: 2, minDelayBetweenSpawnMillis: 0 }), timeoutMs };
  }
  return shared.tool;
}

/**
 * Read every tag exiftool knows, grouped names flattened (exiftool-vendored style). `-api LargeFileSupport` and
 * XMP are included; embedded telemetry (-ee) is not read here (telemetry tracks are detected from ffprobe streams).
 */
export async function readTags(path: string, timeoutMs = 30_000): Promise<RawTags> {
  countTool('exiftool');
  try {
    return (await tool(timeoutMs).read(path, { readArgs: ['-api', 'LargeFileSupport=1'] })) as RawTags;
  } catch (e) {
    throw new ToolError('tool_failed', `exiftool could not read the file: ${(e as Error).message}`, { cause: e });
  }
}

/** Same, but also with group-prefixed keys (e.g. "XMP-iptcExt:DigitalSourceType"), for label readers. */
export async function readGroupedTags(path: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  countTool('exiftool');
  try {
    return (await tool(timeoutMs).readRaw(path, { readArgs: ['-G1', '-a', '-api', 'LargeFileSupport=1'] })) as Record<string, unknown>;
  } catch (e) {
    throw new ToolError('tool_failed', `exiftool could not read the file: ${(e as Error).message}`, { cause: e });
  }
}

/** Stop the exiftool child processes (call once at shutdown). */
export async function closeExiftool(): Promise<void> {
  const s = shared;
  shared = null;
  if (s) await s.tool.end();
}
