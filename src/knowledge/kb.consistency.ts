import { toDay } from './dates.js';
import type { Generator } from './knowledge.types.js';

/**
 * Checks the schema cannot express, for one generator entry: dates in order, periods that do not overlap, no
 * access, product or limit starting after the generator's final end. Returns problems as `path: message`.
 */
export function generatorProblems(g: Generator): string[] {
  const out: string[] = [];
  const d = (s: string) => toDay(s) ?? s;
  if (g.firstPublic && d(g.firstPublic) < d(g.announced) && !g.existedBefore) out.push(`firstPublic: ${g.firstPublic} is before announced (${g.announced})`);
  g.access.forEach((p, i) => {
    if (p.until && d(p.until) <= d(p.from)) out.push(`access[${i}].until: ${p.until} is not after from (${p.from})`);
    if (p.status === 'ended' && p.until) out.push(`access[${i}].until: an ended period has no end`);
    const prev = g.access[i - 1];
    if (prev && d(p.from) < d(prev.from)) out.push(`access[${i}].from: ${p.from} is before the previous period (${prev.from}); list periods in date order`);
    if (prev?.until && d(p.from) < d(prev.until)) out.push(`access[${i}].from: ${p.from} overlaps the previous period, which lasts until ${prev.until}`);
  });
  const last = g.access[g.access.length - 1];
  const finalEnd = last?.status === 'ended' ? d(last.from) : last?.until ? d(last.until) : null;
  g.products.forEach((p, i) => {
    if (p.until && d(p.until) <= d(p.from)) out.push(`products[${i}].until: ${p.until} is not after from (${p.from})`);
    if (finalEnd && d(p.from) >= finalEnd) out.push(`products[${i}].from: ${p.from} is after the generator's access ended (${finalEnd})`);
    if (finalEnd && (!p.until || d(p.until) > finalEnd)) out.push(`products[${i}].until: the product must end by ${finalEnd}, when all access ended`);
  });
  g.limits.forEach((l, i) => {
    if (finalEnd && d(l.from) >= finalEnd) out.push(`limits[${i}].from: ${l.from} is after the generator's access ended (${finalEnd})`);
  });
  return out;
}
