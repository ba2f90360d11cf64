import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ScamService } from '../../src/services/scam.service.js';

/** English smishing and ordinary texts written for this test (delivery, bank, toll, refund, "hi mum" scams). */
const msgs = readFileSync(new URL('./fixtures/smishing-probe.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { scam: boolean; text: string });

describe('smishing probe', () => {
  it('flags smishing and leaves ordinary texts alone (≥ 90 % right)', () => {
    const svc = new ScamService();
    const wrong = msgs.filter((m) => (svc.analyzeText({ text: m.text }).label !== 'ok') !== m.scam);
    assert.ok(wrong.length / msgs.length <= 0.1, wrong.map((m) => m.text).join('\n'));
  });
  it('names the phishing link', () => {
    const r = new ScamService({ model: null }).analyzeText({ text: 'Your parcel is on hold. Pay the customs fee here: fedex-customs-pay.online' });
    assert.ok(r.symbols.some((s) => s.code === 'PHISHING_LINK' && s.span === 'fedex-customs-pay.online'));
  });
});
