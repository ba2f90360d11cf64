import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTimePhrases } from '../../src/knowledge/time-phrases.js';

const win = (text: string, posted: string | null) => findTimePhrases(text, posted).map((p) => [p.text, p.window?.from ?? null, p.window?.to ?? null]);

describe('time phrases resolved against the post date', () => {
  const rows: [string, string, [string, string, string][]][] = [
    ['LIVE NOW: fire downtown', '2023-05-01', [['LIVE NOW', '2023-05-01', '2023-05-01']]],
    ['Typhoon hitting Osaka right now', '2023-05-01', [['right now', '2023-05-01', '2023-05-01']]],
    ['Filmed this yesterday', '2024-03-01', [['yesterday', '2024-02-29', '2024-02-29']]],
    ['last night was wild', '2024-03-01', [['last night', '2024-02-29', '2024-02-29']]],
    ['this morning in the park', '2024-03-03', [['this morning', '2024-03-03', '2024-03-03']]],
    ['Storm this week', '2024-04-04', [['this week', '2024-03-28', '2024-04-04']]],
    ['Last September in Kyoto', '2024-02-01', [['Last September', '2023-09-01', '2023-09-30']]],
    ['last September', '2023-11-15', [['last September', '2022-09-01', '2023-09-30']]],
    ['今天早上的暴雨', '2024-07-01', [['今天', '2024-07-01', '2024-07-01']]],
    ['昨天下午', '2024-07-01', [['昨天', '2024-06-30', '2024-06-30']]],
    ['昨晚的烟花', '2024-02-10', [['昨晚', '2024-02-09', '2024-02-09']]],
    ['刚刚拍到的', '2024-03-03T09:00:00+08:00', [['刚刚', '2024-03-03', '2024-03-03']]],
    ['上周在上海拍的', '2024-05-14', [['上周', '2024-04-30', '2024-05-13']]],
    ['去年的视频', '2024-03-01', [['去年', '2023-01-01', '2023-12-31']]],
    ['去年夏天的视频', '2024-03-01', [['去年夏天', '2023-06-01', '2023-08-31']]],
  ];
  for (const [text, posted, want] of rows) it(`${text} @ ${posted}`, () => assert.deepEqual(win(text, posted), want));

  it('the post\'s local day counts, not UTC: 00:30 in Shanghai is still that day', () => {
    assert.deepEqual(win('today', '2024-03-03T00:30:00+08:00'), [['today', '2024-03-03', '2024-03-03']]);
  });
  it('without a post date the phrase is read but has no window', () => {
    assert.deepEqual(win('yesterday', null), [['yesterday', null, null]]);
  });
  it('reads no time in plain text', () => {
    assert.deepEqual(win('Made with Sora, a cat on a skateboard', '2024-03-01'), []);
    assert.deepEqual(win('I live in Osaka', '2024-03-01'), []);
  });
});
