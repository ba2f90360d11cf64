import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAuthorship, readAvailability } from '../../src/claims/claim.relations.js';
import { authorshipClaims, availabilityClaims } from '../../src/scam/claims.js';
import { knowledgeFor } from '../../src/scam/knowledge.adapter.js';
import { normalizeText } from '../../src/scam/normalize.js';

const kb = knowledgeFor();
const availability = (t: string, d = '2024-03-01') => availabilityClaims(normalizeText(t), kb, d);

describe('authorship and availability claims come from the claim parser, in both languages', () => {
  it('reads authorship: "X co-created Sora", "X是Sora的发明者之一", "X参与研发了Sora"', () => {
    assert.equal(readAuthorship('xie saining co-created sora').length, 1);
    assert.equal(readAuthorship('谢赛宁是sora的发明者之一').length, 1);
    assert.equal(readAuthorship('谢赛宁参与研发了sora').length, 1);
    assert.equal(readAuthorship('谢赛宁是sora的发明者之一吗？').length, 0, 'a question is not a claim');
    const [c] = authorshipClaims(normalizeText('Xie Saining co-created Sora'), kb);
    assert.equal(c.status, 'refuted');
    assert.equal(authorshipClaims(normalizeText('Aditya Ramesh co-created Sora'), kb)[0].status, 'supported');
  });

  it('"Sora已经全面开放了" on 2024-03-01 is refuted: only red-teamers could use it', () => {
    const [c] = availability('Sora已经全面开放了');
    assert.equal(c.status, 'refuted', c.reasons[0]);
    assert.equal((c.value as { scope: string }).scope, 'public');
    assert.ok(c.reasons[0].includes('not open to the public') && c.reasons[0].includes('2024-12-09') && (c.reasons_zh?.[0] ?? '').includes('并未向公众开放'));
    assert.equal(availability('Sora is now available to everyone!')[0].status, 'refuted');
  });

  it('personal access during the preview stays "unlikely"; selling an API is refuted', () => {
    assert.equal(availability('我拿到了Sora的内测资格')[0].status, 'refuted', 'an account/beta seat: the product did not exist');
    assert.equal(availability('I have Sora access')[0].status, 'unlikely');
    assert.equal(availability('出售Sora接口')[0].status, 'refuted');
    assert.equal((availability('出售Sora接口')[0].value as { product: string }).product, 'api');
  });

  it('questions, reported speech and negations are not availability claims', () => {
    assert.equal(readAvailability('sora开放了吗？').length, 0);
    assert.equal(readAvailability('is sora available now?').length, 0);
    assert.equal(readAvailability('听说sora已经开放了').length, 0);
    assert.equal(readAvailability('sora还没开放').length, 0);
    assert.equal(readAvailability('sora已经全面开放了').length, 1);
  });
});
