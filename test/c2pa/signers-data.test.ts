import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLAIM_GENERATORS, SIGNERS, SOFTWARE_AGENTS } from '../../src/analyzers/c2pa/signers.data.js';
import { generator } from '../../src/knowledge/kb.js';

/** The signer/agent tables are data with sources; their slugs must be ones the rest of genproof knows. */
const KB_MISSING_OK = new Set(['titan-image']); // Amazon Titan is not (yet) in the knowledge base

describe('signers.data tables', () => {
  const rows = [...CLAIM_GENERATORS, ...SOFTWARE_AGENTS, ...SIGNERS];
  it('every row has a source and an ISO date', () => {
    for (const r of rows) {
      assert.ok(r.source.length > 5, JSON.stringify(r));
      assert.match(r.date, /^\d{4}-\d{2}-\d{2}$/);
    }
  });
  it('generator slugs are lowercase-kebab and known to the knowledge base', () => {
    for (const r of rows) {
      for (const s of [r.generator, r.videoGenerator].filter((x): x is string => typeof x === 'string')) {
        assert.match(s, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        if (!KB_MISSING_OK.has(s)) assert.ok(generator(s), `slug ${s} is not in the knowledge base`);
      }
    }
  });
  it('patterns compile and AI rows name a vendor', () => {
    for (const r of [...CLAIM_GENERATORS, ...SOFTWARE_AGENTS]) {
      assert.doesNotThrow(() => new RegExp(r.pattern, 'i'));
      if (r.role === 'ai_generator') assert.ok(r.vendor);
    }
  });
});
