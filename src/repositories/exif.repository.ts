import { ExifTool, ExifToolTask, type Tags } from 'exiftool-vendored';
import { ReadTask, ReadTaskOptionFields, type ReadTaskOptions } from 'exiftool-vendored/dist/ReadTask.js';
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

/** Both views of a file's tags, from one exiftool run. */
export interface TagViews {
  /** What {@link readTags} returns (exiftool-vendored's parsed, flat tags). */
  tags: RawTags;
  /** Group-prefixed tags, "Group1:Tag" (see {@link deriveGroupedView} for how they differ from {@link readGroupedTags}). */
  grouped: Record<string, unknown>;
}

const COPY_GROUP = /^Copy\d+$/;

/**
 * One exiftool run that yields both views. It runs exactly the command exiftool-vendored's `read` builds (same
 * `-api struct=1`, `-use MWG`, numeric `-Tag#` list, `-all`) plus `-G1:4 -a`: every duplicate tag is output, named
 * "Group1:Tag", and the copies exiftool's own priority rules did not pick get a family-4 group ("Group1:Copy2:Tag").
 * The tags without a copy group are exactly the ones the flat read returns (exiftool names duplicates internally
 * "Tag (1)", "Tag (2)"… and the flat output keeps only the bare name), so the flat view is rebuilt from them and
 * handed, as JSON, to exiftool-vendored's own ReadTask parser: dates, GPS, time zones and binary fields come out
 * exactly as `read` makes them.
 */
class TagViewsTask extends ExifToolTask<TagViews> {
  constructor(
    readonly flat: ReadTask,
    args: string[],
  ) {
    super(args, { ignoreMinorErrors: flat.options.ignoreMinorErrors });
  }

  static for(et: ExifTool, path: string, readArgs: string[]): TagViewsTask {
    const opts: ReadTaskOptions = { readArgs };
    for (const k of ReadTaskOptionFields) if (k !== 'readArgs' && et.options[k as keyof typeof et.options] !== undefined) (opts as Record<string, unknown>)[k] = et.options[k as keyof typeof et.options];
    const flat = ReadTask.for(path, opts);
    const args = [...flat.args];
    args.splice(args.lastIndexOf('-all'), 0, '-G1:4', '-a');
    // ReadTask appends -ignoreMinorErrors when rendering; ExifToolTask does the same for this task.
    return new TagViewsTask(flat, args);
  }

  protected parse(data: string, err?: Error): TagViews {
    let row: Record<string, unknown>;
    try {
      // as ReadTask does: keep "12.30" distinct from "12.3"
      row = JSON.parse(data.replace(/"ExifTool:ExifToolVersion"\s*:\s*(\d+(?:\.\d+)?)/, '"ExifTool:ExifToolVersion":"$1"'))[0];
    } catch (e) {
      throw err ?? e;
    }
    const primary: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      const parts = key.split(':');
      if (parts.length === 1) primary[key] = value;
      else if (parts.length === 2 || !COPY_GROUP.test(parts[1])) primary[parts[parts.length - 1]] = value;
    }
    this.flat.errors.push(...this.errors);
    this.flat.warnings.push(...this.warnings);
    const tags = this.flat.parse(JSON.stringify([primary]), err) as RawTags;
    return { tags, grouped: deriveGroupedView(row, this.errors, this.warnings) };
  }
}

/**
 * The `-G1 -a` view from the one-pass output, with the same names exiftool's JSON writer gives `-G1 -a`: a copy
 * in the same group as the tag exiftool picked is left out, and when one group still holds a name twice the first
 * one in output order is kept. Values follow the flat read's settings, so three kinds differ from
 * {@link readGroupedTags} (which only the in-file label reader consumes; labels were compared over the shared test
 * files): numeric values for the `-Tag#` list (durations, GPS, orientation); UTC file dates as "…Z" (keepUTCTime);
 * XMP structures as objects, which are also flattened here into exiftool-style "ParentField" tags so the label
 * reader still sees their strings (exiftool's own flattened names differ where a field has a FlatName, e.g.
 * RegionInfo; C2PA/CBOR/JSON structures are kept whole, the label reader skips those groups).
 */
export function deriveGroupedView(row: Record<string, unknown>, errors: readonly string[] = [], warnings: readonly string[] = []): Record<string, unknown> {
  const primaryGroup = new Map<string, string>();
  for (const key of Object.keys(row)) {
    const parts = key.split(':');
    if (parts.length === 2) primaryGroup.set(parts[1], parts[0]);
  }
  const out: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (!(k in out)) out[k] = v;
  };
  for (const [key, value] of Object.entries(row)) {
    const parts = key.split(':');
    let group: string | undefined;
    let tag: string;
    if (parts.length === 3 && COPY_GROUP.test(parts[1])) {
      if (primaryGroup.get(parts[2]) === parts[0]) continue;
      [group, , tag] = parts;
    } else if (parts.length === 2) [group, tag] = parts;
    else {
      put(key, value);
      continue;
    }
    if (group.startsWith('XMP') && isStruct(value)) flattenXmp(tag, value, (name, v) => put(`${group}:${name}`, v));
    else put(`${group}:${tag}`, value);
  }
  out.errors = [...new Set(errors.filter((e) => e.trim()))];
  out.warnings = [...new Set(warnings.filter((e) => e.trim()))];
  return out;
}

function isStruct(v: unknown): boolean {
  return Array.isArray(v) ? v.some(isStruct) : typeof v === 'object' && v !== null;
}

/** XMP structure → flattened tags (parent name + capitalized field names; list items gathered into arrays). */
function flattenXmp(name: string, value: unknown, emit: (name: string, v: unknown) => void): void {
  const leaves = new Map<string, unknown[]>();
  const walk = (n: string, v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(n, x);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) if (k !== '_ordered_keys_') walk(n + k.charAt(0).toUpperCase() + k.slice(1), x);
    } else {
      const l = leaves.get(n);
      if (l) l.push(v);
      else leaves.set(n, [v]);
    }
  };
  walk(name, value);
  for (const [n, l] of leaves) emit(n, l.length === 1 ? l[0] : l);
}

/** Flat and grouped tags from one exiftool run (see {@link TagViewsTask}). */
export async function readTagViews(path: string, timeoutMs = 30_000): Promise<TagViews> {
  countTool('exiftool');
  try {
    const et = tool(timeoutMs);
    return await et.enqueueTask(() => TagViewsTask.for(et, path, ['-api', 'LargeFileSupport=1']));
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
