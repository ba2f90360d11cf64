import { matchLine, type LineMatch } from './mark.matcher.js';
import { fold } from './ocr-text.util.js';

/**
 * Track text across sampled frames: the same text at a fixed position is an overlay; the same text at
 * several positions is a moving mark (Sora 2, TikTok, 抖音 jump between positions on a schedule). Pure logic
 * over OCR boxes, so it is tested with synthesized boxes.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextBox {
  text: string;
  confidence: number;
  box: Box;
}

/** The OCR result of one sampled frame, boxes in that frame's pixel coordinates. */
export interface FrameText {
  frame: number;
  timestamp: number | null;
  width: number;
  height: number;
  lines: TextBox[];
}

export interface TrackPosition {
  /** Centre, as a fraction of frame width/height. */
  cx: number;
  cy: number;
  label: string;
  frames: number[];
}

export interface TextTrack {
  kind: LineMatch['kind'];
  key: string;
  /** The most frequent reading. */
  text: string;
  match: LineMatch;
  handle: string | null;
  /** Indexes of the sampled frames the text was read in. */
  frames: number[];
  timestamps: number[];
  positions: TrackPosition[];
  /** true = several positions, false = one position in several frames, null = seen once. */
  moving: boolean | null;
  confidence: number;
  /** Relative text height (box height / frame height), mean. */
  relHeight: number;
  /** Where the text was in each frame it was read in, in frame order (shows a moving mark's schedule). */
  sequence: { frame: number; timestamp: number | null; position: string }[];
}

/** 3×3 grid name of a point given as fractions of the frame. */
export function positionLabel(cx: number, cy: number): string {
  const col = cx < 1 / 3 ? 'left' : cx > 2 / 3 ? 'right' : 'center';
  const row = cy < 1 / 3 ? 'top' : cy > 2 / 3 ? 'bottom' : 'middle';
  if (row === 'middle') return col;
  if (col === 'center') return row;
  return `${row}-${col}`;
}

/**
 * Join boxes that sit on one text line with small gaps ("TikTok" + "@bob"), and drop duplicates read twice
 * (a corner crop and the full frame see the same text).
 */
export function mergeLines(lines: TextBox[]): TextBox[] {
  const sorted = [...lines].sort((a, b) => a.box.x - b.box.x);
  const out: TextBox[] = [];
  for (const l of sorted) {
    const dup = out.find((o) => overlap(o.box, l.box) > 0.5 && similar(o.text, l.text));
    if (dup) {
      const a = fold(dup.text);
      const b = fold(l.text);
      const better = b.length > a.length ? b.includes(a) || l.confidence >= dup.confidence : b.length === a.length && l.confidence > dup.confidence;
      if (better) Object.assign(dup, { ...l, box: { ...l.box } });
      continue;
    }
    const join = out.find((o) => {
      const h = Math.max(o.box.height, l.box.height);
      const cyA = o.box.y + o.box.height / 2;
      const cyB = l.box.y + l.box.height / 2;
      const gap = l.box.x - (o.box.x + o.box.width);
      return Math.abs(cyA - cyB) < 0.4 * Math.min(o.box.height, l.box.height) && gap > -0.3 * h && gap < 1.2 * h
        && Math.min(o.box.height, l.box.height) / h > 0.6;
    });
    if (join) {
      const x = Math.min(join.box.x, l.box.x);
      const y = Math.min(join.box.y, l.box.y);
      const x2 = Math.max(join.box.x + join.box.width, l.box.x + l.box.width);
      const y2 = Math.max(join.box.y + join.box.height, l.box.y + l.box.height);
      const n1 = join.text.length;
      const n2 = l.text.length;
      join.confidence = (join.confidence * n1 + l.confidence * n2) / Math.max(1, n1 + n2);
      join.text = `${join.text} ${l.text}`;
      join.box = { x, y, width: x2 - x, height: y2 - y };
      continue;
    }
    out.push({ ...l, box: { ...l.box } });
  }
  return out.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

/** Intersection over the smaller box's area. */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.max(1, Math.min(a.width * a.height, b.width * b.height));
}

function similar(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  return x === y || x.includes(y) || y.includes(x);
}

interface Observation {
  frame: number;
  timestamp: number | null;
  line: TextBox;
  match: LineMatch;
  cx: number;
  cy: number;
  relHeight: number;
}

/** A handle printed on its own line just below or above a mark belongs to that mark (Sora 2: "Sora" over "@user"). */
function attachHandles(obs: Observation[], frameH: number): void {
  const handles = obs.filter((o) => o.match.kind === 'handle');
  for (const o of obs) {
    if ((o.match.kind !== 'generator' && o.match.kind !== 'platform') || o.match.handle) continue;
    const h = o.line.box.height;
    const near = handles.find((c) => {
      const dy = Math.abs(c.line.box.y + c.line.box.height / 2 - (o.line.box.y + o.line.box.height / 2));
      const dx = Math.abs(c.line.box.x - o.line.box.x);
      const overlapX = Math.min(c.line.box.x + c.line.box.width, o.line.box.x + o.line.box.width) - Math.max(c.line.box.x, o.line.box.x);
      return dy <= 2.5 * h && dy <= 0.2 * frameH && (overlapX > 0 || dx <= 3 * h);
    });
    if (near) {
      const handle = near.match.handle;
      if (o.match.kind === 'platform' && o.match.platform && handle && !o.match.platform.handlePattern.test(handle)) continue;
      o.match = { ...o.match, handle };
      near.match = { ...near.match, kind: 'text' };
      near.line = { ...near.line, text: '' };
    }
  }
}

function trackKey(o: Observation): string {
  if (o.match.kind === 'generator') return `generator:${fold(o.match.variant ?? o.line.text)}`;
  if (o.match.kind === 'platform') return `platform:${o.match.platform?.id}`;
  if (o.match.kind === 'handle') return `handle:${(o.match.handle ?? '').toLowerCase()}`;
  return `text:${fold(o.line.text)}`;
}

/** Cluster centres closer than `tol` (fraction of the frame) into one position. */
function clusterPositions(obs: Observation[], tol = 0.07): TrackPosition[] {
  const out: TrackPosition[] = [];
  for (const o of obs) {
    const p = out.find((c) => Math.abs(c.cx - o.cx) <= tol && Math.abs(c.cy - o.cy) <= tol);
    if (p) {
      const n = p.frames.length;
      p.cx = (p.cx * n + o.cx) / (n + 1);
      p.cy = (p.cy * n + o.cy) / (n + 1);
      if (!p.frames.includes(o.frame)) p.frames.push(o.frame);
    } else {
      out.push({ cx: o.cx, cy: o.cy, label: '', frames: [o.frame] });
    }
  }
  for (const p of out) p.label = positionLabel(p.cx, p.cy);
  return out;
}

/** Positions further apart than this (fraction of the frame, either axis) make a track "moving". */
const MOVE_MIN = 0.2;

/** Largest distance between two position clusters along x or y. */
function spread(positions: TrackPosition[]): number {
  let max = 0;
  for (const a of positions) for (const b of positions) max = Math.max(max, Math.abs(a.cx - b.cx), Math.abs(a.cy - b.cy));
  return max;
}

function mostFrequent(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? '';
}

/** Match and track the text of every sampled frame. */
export function trackText(frames: FrameText[]): TextTrack[] {
  const all: Observation[] = [];
  for (const f of frames) {
    const obs: Observation[] = mergeLines(f.lines).map((line) => ({
      frame: f.frame,
      timestamp: f.timestamp,
      line,
      match: matchLine(line.text),
      cx: (line.box.x + line.box.width / 2) / f.width,
      cy: (line.box.y + line.box.height / 2) / f.height,
      relHeight: line.box.height / f.height,
    }));
    attachHandles(obs, f.height);
    all.push(...obs.filter((o) => o.line.text.trim()));
  }
  const groups = new Map<string, Observation[]>();
  for (const o of all) {
    const k = trackKey(o);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(o);
  }
  const tracks: TextTrack[] = [];
  for (const [key, obs] of groups) {
    const frameSet = [...new Set(obs.map((o) => o.frame))].sort((a, b) => a - b);
    const positions = clusterPositions(obs);
    const sequence = frameSet.map((fr) => {
      const o = obs.find((x) => x.frame === fr)!;
      const p = positions.find((c) => c.frames.includes(fr))!;
      return { frame: fr, timestamp: o.timestamp, position: p.label };
    });
    const handles = obs.map((o) => o.match.handle).filter((h): h is string => !!h);
    const best = [...obs].sort((a, b) => b.line.confidence - a.line.confidence)[0];
    tracks.push({
      kind: best.match.kind,
      key,
      text: mostFrequent(obs.map((o) => o.line.text)),
      match: best.match,
      handle: handles.length ? mostFrequent(handles) : null,
      frames: frameSet,
      timestamps: [...new Set(obs.map((o) => o.timestamp).filter((t): t is number => t !== null))].sort((a, b) => a - b),
      positions,
      moving: frameSet.length < 2 ? null : spread(positions) >= MOVE_MIN,
      confidence: obs.reduce((s, o) => s + o.line.confidence, 0) / obs.length,
      relHeight: obs.reduce((s, o) => s + o.relHeight, 0) / obs.length,
      sequence,
    });
  }
  return tracks.sort((a, b) => b.frames.length - a.frames.length || a.key.localeCompare(b.key));
}
