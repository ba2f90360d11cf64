import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldConfusables, hanRatio, normalizeText, originalSpan, words } from '../../src/scam/normalize.js';

describe('scam text normalisation', () => {
  it('folds full-width characters and lower-cases', () => {
    assert.equal(normalizeText('ＳＯＲＡ　９９元').text, 'sora 99元');
  });
  it('converts traditional to simplified Chinese', () => {
    assert.equal(normalizeText('掃碼進羣，課程報名').text, '扫码进群,课程报名');
  });
  it('collapses spaced-out letters and spaces between Han characters', () => {
    assert.equal(normalizeText('S o r a 课 程').text, 'sora 课程');
    assert.equal(normalizeText('s.o.r.a').text, 'sora');
    assert.equal(normalizeText('I am fine').text, 'i am fine');
  });
  it('drops zero-width characters', () => {
    assert.equal(normalizeText('So\u200bra').text, 'sora');
  });
  it('folds digit homoglyphs and Cyrillic look-alikes only inside words', () => {
    assert.equal(normalizeText('S0ra 2024').folded, 'sora 2024');
    assert.equal(foldConfusables('ѕоrа'), 'sora');
    assert.equal(foldConfusables('ch4tgpt'), 'chatgpt');
    assert.equal(foldConfusables('99元'), '99元');
  });
  it('maps spans back to the original text', () => {
    const n = normalizeText('看 Ｓ ｏ ｒ ａ 課程');
    const i = n.text.indexOf('sora');
    assert.equal(originalSpan(n, i, i + 4).text, 'Ｓ ｏ ｒ ａ');
  });
  it('segments Chinese into words and measures the Han share', () => {
    assert.ok(words('谢赛宁是Sora发明者之一').includes('Sora'));
    assert.ok(hanRatio('今天天气很好') > 0.9);
    assert.equal(hanRatio('hello world'), 0);
  });
});
