import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorshipClaims, availabilityClaims } from '../../src/scam/claims.js';
import { knowledgeFor } from '../../src/scam/knowledge.adapter.js';
import { normalizeText } from '../../src/scam/normalize.js';

const kb = knowledgeFor();
const authorship = (t: string) => authorshipClaims(normalizeText(t), kb);
const availability = (t: string, d: string | null) => availabilityClaims(normalizeText(t), kb, d);

describe('authorship claims (against the dated author list)', () => {
  it('refutes a person who is not among the Sora report authors, citing the list', () => {
    for (const t of ['谢赛宁是Sora发明者之一', '震惊世界的Sora发明者之一，是上海交大毕业的天才少年谢赛宁', 'Xie Saining is one of the creators of Sora', '謝賽寧是Sora的核心作者']) {
      const [c] = authorship(t);
      assert.ok(c, t);
      assert.equal(c.type, 'authorship');
      assert.equal(c.status, 'refuted', t);
      assert.ok(c.sources.length > 0 && c.sources[0].length > 0);
      assert.ok(c.reasons[0].includes('Tim Brooks') && c.reasons[0].includes('Aditya Ramesh'), c.reasons[0]);
      assert.ok(c.reasons_zh?.[0].includes('不在其中'));
    }
  });
  it('supports a real author, in either name order and script mix', () => {
    for (const t of ['Aditya Ramesh is one of the creators of Sora', 'Li Jing是Sora的作者之一', 'Sora的作者之一是Bill Peebles', 'Tim Brooks, one of the inventors of Sora, said']) {
      const [c] = authorship(t);
      assert.ok(c, t);
      assert.equal(c.status, 'supported', t);
    }
  });
  it('finds no authorship claim in ordinary sentences', () => {
    assert.equal(authorship('Sora的作者团队只有13人').length, 0);
    assert.equal(authorship('他是Sora的粉丝').length, 0);
  });
});

describe('availability claims (judged at posted_at)', () => {
  it('refutes Sora API offers before the API existed and supports them after', () => {
    const before = availability('已获取Sora接口权限，做成了GPTs，198元一个月', '2024-02-20');
    assert.equal(before[0].status, 'refuted');
    assert.equal((before[0].value as { product: string }).product, 'api');
    assert.ok(before[0].reasons[0].includes('2025-10-06'), before[0].reasons[0]);
    assert.equal(availability('Sora API 购买', '2025-11-01')[0].status, 'supported');
    assert.equal(availability('Sora API 购买', '2025-01-01')[0].status, 'refuted');
  });
  it('refutes account sales before the public launch (2024-12-09)', () => {
    assert.equal(availability('出售Sora账号', '2024-06-01')[0].status, 'refuted');
    assert.equal(availability('出售Sora账号', '2025-01-01')[0].status, 'supported');
    assert.equal(availability('Selling Sora beta access codes, $40 each', '2024-02-27')[0].status, 'refuted');
  });
  it('calls personal access during the preview unlikely, not refuted', () => {
    const [c] = availability('I have Sora access', '2024-03-01');
    assert.equal(c.status, 'unlikely');
    assert.equal(availability('Sora 已开放', '2024-12-20')[0].status, 'supported');
    assert.equal(availability('Sora已开放，私我购买', '2024-02-20')[0].status, 'refuted');
  });
  it('leaves the claim unverified without a date, and ignores negations', () => {
    assert.equal(availability('Sora 已开放', null)[0].status, 'unverified');
    assert.equal(availability('Sora还没开放，官方都没开放', '2024-02-20').length, 0);
  });
});

describe('availability of other generators and of named releases', () => {
  it('judges Kling, Hailuo and Veo 3 by their own dates', () => {
    assert.equal(availability('出售可灵会员账号', '2024-05-20')[0].status, 'refuted');
    assert.equal(availability('出售可灵会员账号', '2024-08-01')[0].status, 'supported');
    assert.equal(availability('Veo 3 API access for sale', '2025-03-01')[0].status, 'refuted');
    assert.equal(availability('Veo 3 API access for sale', '2025-07-01')[0].status, 'supported');
  });
  it('a named release is judged alone, the product line as a family', () => {
    assert.equal(availability('Sora 2 API 出售', '2025-09-01')[0].status, 'refuted');
    assert.equal(availability('Sora 2 app 下载', '2025-10-02')[0].status, 'supported');
    assert.equal(availability('Sora 账号出售', '2025-01-10')[0].status, 'supported');
  });
});
