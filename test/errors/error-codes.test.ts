/**
 * One table of error codes (CONTRACTS.md "Error codes"): every code the sources throw or send is in ERROR_CODES,
 * every contract code is there, every code has an HTTP status, and the README lists them all.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONTRACT_ERROR_CODES, ERROR_CODES, isKnownErrorCode } from '../../src/domain/errors.js';
import { statusOfCode } from '../../src/http/error-status.js';

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.includes('/web/')) out.push(p);
  }
  return out;
}

/** Codes given to an AppError (or subclass) constructor, or sent as a problem / error object. */
function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /new (?:AppError|ValidationError|UnsupportedMediaError|ToolError|ConfigError|NotFoundError)\(\s*'([a-z_]+)'/g,
    /sendProblem\([^,]+,\s*\d+,\s*'([a-z_]+)'/g,
    /\{ status: \d+, code: '([a-z_]+)' \}/g,
  ];
  for (const f of sources('src')) {
    const text = readFileSync(f, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) if (!found.has(m[1])) found.set(m[1], f);
  }
  return found;
}

describe('error codes', () => {
  it('has every CONTRACTS.md code', () => {
    const contract = readFileSync('../shared/docs/CONTRACTS.md', 'utf8');
    const section = contract.slice(contract.indexOf('**Error codes**'));
    const listed = [...section.slice(0, section.indexOf('\n\n')).matchAll(/`([a-z_]+)`/g)].map((m) => m[1]).filter((c) => c !== 'code' && c !== 'error');
    assert.ok(listed.length >= 22, `parsed ${listed.length} contract codes`);
    for (const c of listed) assert.ok(isKnownErrorCode(c), `contract code ${c} missing from ERROR_CODES`);
    assert.deepEqual([...CONTRACT_ERROR_CODES], listed);
  });

  it('every code thrown or sent in src/ is in the one table', () => {
    const codes = thrownCodes();
    assert.ok(codes.size > 20, `found ${codes.size} codes`);
    const unknown = [...codes].filter(([c]) => !isKnownErrorCode(c)).map(([c, f]) => `${c} (${f})`);
    assert.deepEqual(unknown, [], 'codes outside ERROR_CODES');
  });

  it('maps every code to an HTTP status and an exit code', () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      const s = statusOfCode(code);
      assert.ok(s >= 400 && s < 600, `${code} → ${s}`);
      assert.ok([1, 2, 3].includes(info.exit), code);
    }
    assert.equal(statusOfCode('rate_limited'), 429);
    assert.equal(statusOfCode('queue_full'), 503);
    assert.equal(ERROR_CODES.tool_timeout.exit, 3);
    assert.equal(ERROR_CODES.tool_failed.exit, 3);
  });

  it('the README lists every code', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const code of Object.keys(ERROR_CODES)) assert.ok(readme.includes(`\`${code}\``), `README lacks ${code}`);
  });
});
