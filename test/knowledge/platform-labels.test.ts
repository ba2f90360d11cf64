import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractLabels } from '../../src/analyzers/label/labels.js';

const xmp = (text: string) => `<x:xmpmeta><rdf:Description dc:description="${text}"/></x:xmpmeta>`;
const label = (text: string) => extractLabels({ xmp: [xmp(text)], textChunks: [], aigcSnippets: [] }).find((l) => l.kind === 'platform');

/** Platform AI label texts (FACTS-2026.md §15) read from metadata. */
describe('platform AI label phrases', () => {
  it('reads Douyin and Bilibili declarations as AI labels', () => {
    for (const t of ['作者声明：内容由AI生成', '作品含AI生成内容', '该视频使用人工智能合成技术', '内容由 AI 生成']) assert.equal(label(t)?.meaning, 'ai', t);
  });
  it('reads the "suspected" detection label as possible AI, not a declaration', () => {
    assert.equal(label('疑似使用了AI生成技术，请谨慎甄别')?.meaning, 'possible_ai');
  });
  it('ignores ordinary text', () => {
    assert.equal(label('情景演绎，仅供娱乐'), undefined);
  });
});
