import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDay } from '../../src/knowledge/dates.js';
import { BUILTIN_DATA, kb } from '../../src/knowledge/kb.js';
import { generatorProblems } from '../../src/knowledge/kb.consistency.js';
import { factSchema, generatorSchema, jsonPath, officialChannelSchema } from '../../src/knowledge/kb.schema.js';

/** The contract every generator entry keeps (built-in here; overlays are checked by the same code at load). */
describe('knowledge base contract: every generator entry', () => {
  for (const g of BUILTIN_DATA.generators) {
    it(`${g.slug}: schema, sources, tiers, date order, no access after its end`, () => {
      const parsed = generatorSchema.safeParse(g);
      assert.ok(parsed.success, parsed.success ? '' : `${jsonPath(parsed.error.issues[0].path)}: ${parsed.error.issues[0].message}`);
      assert.deepEqual(generatorProblems(g), []);
      const sources = [...g.sources, ...g.access.map((a) => a.source), ...g.products.flatMap((p) => [p.source, ...(p.end ? [p.end.source] : [])]), ...g.limits.map((l) => l.source), ...g.marks.map((m) => m.source), ...g.c2pa.map((c) => c.source)];
      assert.ok(sources.length > 0);
      for (const s of sources) {
        assert.ok(['primary', 'press', 'third-party'].includes(s.strength), `${g.slug}: unknown tier ${s.strength}`);
        assert.ok(s.ref.trim().length > 5, `${g.slug}: empty source`);
        assert.equal(s.local, undefined, 'built-in facts are not local');
      }
      const days = g.access.map((a) => toDay(a.from)!);
      assert.deepEqual(days, [...days].sort(), 'access periods in date order');
      assert.ok(toDay(g.announced)! <= (days[0] ?? '9999'), 'announced on or before the first access period');
      for (const p of g.products) if (p.until) assert.ok(p.until > toDay(p.from)!, `${p.product} ends after it starts`);
      // No access after `until`: on the day after the last end, the release is ended.
      const last = g.access[g.access.length - 1];
      const end = last.status === 'ended' ? last.from : last.until;
      if (end) {
        assert.equal(kb.accessOn(g.slug, end)!.status, 'ended');
        for (const p of g.products) assert.ok(p.until && p.until <= toDay(end)!, `${g.slug}: ${p.product} outlives the generator`);
      }
    });
  }

  it('facts and official channels follow the schema; slugs and fact ids are unique', () => {
    for (const f of BUILTIN_DATA.facts) assert.ok(factSchema.safeParse(f).success, f.id);
    for (const c of BUILTIN_DATA.channels) assert.ok(officialChannelSchema.safeParse(c).success, c.domain);
    const ids = BUILTIN_DATA.facts.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    const slugs = BUILTIN_DATA.generators.map((g) => g.slug);
    assert.equal(new Set(slugs).size, slugs.length);
  });

  it('is dated: as_of is a day, and no built-in fact is later than it', () => {
    assert.match(kb.asOf(), /^\d{4}-\d{2}-\d{2}$/);
    const dates = [...BUILTIN_DATA.facts.map((f) => f.date), ...BUILTIN_DATA.generators.flatMap((g) => [...g.access.map((a) => a.from), ...g.products.flatMap((p) => [p.from, p.until ?? p.from])])];
    for (const d of dates) assert.ok(toDay(d)! <= kb.asOf(), `${d} is after as_of`);
  });

  it('the consistency check catches overlapping periods and products outliving the generator', () => {
    const sora2 = kb.generator('sora-2')!;
    const bad = { ...sora2, products: [...sora2.products, { ...sora2.products[2], from: '2026-10-01', until: undefined, end: undefined }] };
    assert.ok(generatorProblems(bad).some((p) => /after the generator's access ended/.test(p)));
    const overlap = { ...sora2, access: [sora2.access[0], { ...sora2.access[1], from: '2026-01-01' }] };
    assert.ok(generatorProblems(overlap).some((p) => /overlaps/.test(p)));
  });
});
