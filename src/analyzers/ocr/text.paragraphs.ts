import { matchLine } from './mark.matcher.js';
import { fold } from './ocr-text.util.js';
import { mergeLines, type FrameText, type TextBox } from './text.tracker.js';

/** A block of burned-in text (lines stacked closely, like a caption band), with the frames it was read in. */
export interface Paragraph {
  text: string;
  frames: number[];
  confidence: number;
}

/** Stack lines of one frame into paragraphs: close vertically, overlapping horizontally, similar height. */
export function frameParagraphs(lines: TextBox[]): TextBox[][] {
  const sorted = mergeLines(lines).sort((a, b) => a.box.y - b.box.y);
  const paras: TextBox[][] = [];
  for (const l of sorted) {
    const p = paras.find((para) => {
      const last = para[para.length - 1];
      const gap = l.box.y - (last.box.y + last.box.height);
      const ratio = l.box.height / last.box.height;
      const overlapX = Math.min(l.box.x + l.box.width, last.box.x + last.box.width) - Math.max(l.box.x, last.box.x);
      return gap >= -0.3 * last.box.height && gap < 0.9 * last.box.height && ratio > 0.6 && ratio < 1.6 && overlapX > 0;
    });
    if (p) p.push(l);
    else paras.push([l]);
  }
  return paras;
}

/**
 * Burned-in text of all frames as paragraphs, marks and bare handles left out, de-duplicated across frames
 * (same folded text), the most persistent first.
 */
export function burnedInParagraphs(frames: FrameText[]): Paragraph[] {
  const byKey = new Map<string, Paragraph & { n: number }>();
  for (const f of frames) {
    const lines = f.lines.filter((l) => matchLine(l.text).kind === 'text');
    for (const para of frameParagraphs(lines)) {
      const text = para.map((l) => l.text).join(' ').trim();
      if (!text) continue;
      const key = fold(text);
      const conf = para.reduce((s, l) => s + l.confidence, 0) / para.length;
      const cur = byKey.get(key);
      if (cur) {
        if (!cur.frames.includes(f.frame)) cur.frames.push(f.frame);
        cur.confidence = (cur.confidence * cur.n + conf) / (cur.n + 1);
        cur.n++;
      } else {
        byKey.set(key, { text, frames: [f.frame], confidence: conf, n: 1 });
      }
    }
  }
  return [...byKey.values()]
    .map(({ text, frames: fr, confidence }) => ({ text, frames: fr.sort((a, b) => a - b), confidence }))
    .sort((a, b) => b.frames.length - a.frames.length || b.text.length - a.text.length);
}
