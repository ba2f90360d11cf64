import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { c2paEvidence } from '../../src/analyzers/c2pa/c2pa.evidence.js';
import { buildProvenance } from '../../src/analyzers/c2pa/provenance.js';
import { checkExpiredSignerChain, parsePemList } from '../../src/analyzers/c2pa/trust-chain.js';
import type { C2paReadResult, ManifestStoreJson } from '../../src/repositories/c2pa.repository.js';

/** Decision rules on synthetic manifest stores (shapes as c2pa-rs serialises them). */
const AI = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
const fmt = { name: 'mp4', mime: 'video/mp4' };

function store(opts: { failures?: string[]; trusted?: boolean; org: string; cn: string; cg: string; agent?: string; dst?: string; exif?: boolean }): ManifestStoreJson {
  const label = 'urn:c2pa:test-active';
  const url = `self#jumbf=/c2pa/${label}/c2pa.signature`;
  return {
    active_manifest: label,
    manifests: {
      [label]: {
        claim_generator_info: [{ name: opts.cg }],
        title: 'clip.mp4',
        assertions: [
          { label: 'c2pa.actions.v2', data: { actions: [{ action: 'c2pa.created', ...(opts.agent ? { softwareAgent: { name: opts.agent } } : {}), ...(opts.dst ? { digitalSourceType: opts.dst } : {}) }] } },
          ...(opts.exif ? [{ label: 'stds.exif', data: { 'EXIF:Make': 'Google', 'EXIF:Model': 'Pixel 8' } }] : []),
        ],
        signature_info: { alg: 'Es256', issuer: opts.org, common_name: opts.cn, time: '2026-01-01T00:00:00+00:00' },
      },
    },
    validation_results: {
      activeManifest: {
        success: opts.trusted ? [{ code: 'signingCredential.trusted', url }] : [],
        failure: (opts.failures ?? []).map((code) => ({ code, url })),
      },
    },
    validation_state: opts.trusted ? 'Trusted' : (opts.failures ?? []).some((c) => !c.startsWith('signingCredential.untrusted')) ? 'Invalid' : 'Valid',
  };
}

function read(s: ManifestStoreJson, certificatesPem: string[] = []): C2paReadResult {
  return { kind: 'store', format: fmt, store: s, certificatesPem, ms: 1 };
}

const sora = { org: 'OpenAI', cn: 'Truepic Lens CLI in Sora', cg: 'Sora', agent: 'Sora', dst: AI };

describe('C2PA decision rules', () => {
  it('trusted AI manifest decides is_ai=true at signed_provenance with the generator', () => {
    const p = buildProvenance(read(store({ ...sora, trusted: true })), [], null);
    const ev = c2paEvidence(p);
    assert.equal(p.state, 'trusted');
    assert.deepEqual(ev[0].decides, { is_ai: true, tier: 'signed_provenance', generator: 'sora' });
  });

  it('a self-signed certificate that merely says "OpenAI" decides nothing', () => {
    const p = buildProvenance(read(store({ ...sora, failures: ['signingCredential.untrusted'] })), [], null);
    assert.equal(p.state, 'valid_untrusted');
    assert.equal(p.generator, null);
    assert.equal(p.claimed_generator, 'sora');
    const ev = c2paEvidence(p);
    assert.equal(ev[0].code, 'c2pa_untrusted_signer');
    assert.equal(ev.some((e) => e.decides), false);
  });

  it('tampered AI manifest is reported as invalid with its codes and decides nothing', () => {
    const p = buildProvenance(read(store({ ...sora, failures: ['assertion.bmffHash.mismatch'] })), [], null);
    assert.equal(p.state, 'invalid');
    const ev = c2paEvidence(p);
    assert.equal(ev[0].code, 'c2pa_invalid');
    assert.match(ev[0].detail, /assertion\.bmffHash\.mismatch/);
    assert.equal(ev.some((e) => e.decides), false);
  });

  it('trusted capture manifest (camera signer, no AI step) decides is_ai=false', () => {
    const p = buildProvenance(read(store({ org: 'Truepic', cn: 'Truepic Lens SDK v2 in Camera App', cg: 'Truepic Lens SDK libc2pa', trusted: true, exif: true })), [], null);
    const ev = c2paEvidence(p);
    assert.equal(ev[0].code, 'c2pa_capture_trusted');
    assert.deepEqual(ev[0].decides, { is_ai: false, tier: 'signed_provenance' });
    assert.match(ev[0].detail, /Pixel 8/);
  });

  it('trusted editor manifest without AI steps is neutral ("has C2PA" is not AI)', () => {
    const p = buildProvenance(read(store({ org: 'Adobe Inc.', cn: 'Adobe C2PA', cg: 'Adobe Photoshop', trusted: true })), [], null);
    const ev = c2paEvidence(p);
    assert.equal(ev[0].code, 'c2pa_trusted_no_ai');
    assert.equal(ev[0].direction, 'neutral');
    assert.equal(ev[0].decides, undefined);
  });

  it('CAWG identity failures do not make an intact claim invalid', () => {
    const p = buildProvenance(read(store({ ...sora, trusted: true, failures: ['cawg.ica.did_unavailable'] })), [], null);
    assert.equal(p.state, 'trusted');
    assert.deepEqual(p.identity_codes, ['cawg.ica.did_unavailable']);
    assert.deepEqual(p.codes, []);
  });
});

describe('expired signer chain check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'genproof-selfsigned-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let pem: string | null = null;
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/O=OpenAI/CN=Truepic Lens CLI in Sora'], { stdio: 'ignore', timeout: 20_000 });
    pem = readFileSync(join(dir, 'c.pem'), 'utf8');
  } catch {
    pem = null;
  }

  it('an expired self-signed "OpenAI" certificate does not chain, so the expired AI manifest decides nothing', { skip: !pem && 'openssl not available' }, () => {
    const leaf = parsePemList(pem!)[0];
    const serial = BigInt('0x' + leaf.serialNumber).toString(10);
    const chain = checkExpiredSignerChain({ common_name: 'Truepic Lens CLI in Sora', serial }, [pem!], [], []);
    assert.equal(chain.chained, false);
    assert.match(chain.reason, /self-signed/);
    const p = buildProvenance(read(store({ ...sora, failures: ['signingCredential.untrusted', 'signingCredential.expired'] }), [pem!]), [], null);
    assert.equal(p.state, 'expired');
    assert.equal(p.expired_chain?.chained, false);
    const ev = c2paEvidence(p);
    assert.equal(ev[0].code, 'c2pa_untrusted_signer');
    assert.equal(ev.some((e) => e.decides), false);
  });

  it('the same certificate loaded as an anchor does chain (the check is real, not a constant)', { skip: !pem && 'openssl not available' }, () => {
    const leaf = parsePemList(pem!)[0];
    const serial = BigInt('0x' + leaf.serialNumber).toString(10);
    const chain = checkExpiredSignerChain({ common_name: null, serial }, [pem!], parsePemList(pem!), []);
    assert.equal(chain.chained, true);
  });
});
