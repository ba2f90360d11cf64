import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { claimReviewSchema } from '../../src/report/claimreview.schema.js';
import { runCli, SHARED } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'genproof-cli-'));

describe('genproof check end to end', () => {
  it('--json prints exactly one JSON document with the contract fields, and --html a self-contained report', async () => {
    const html = join(dir, 'report.html');
    const cr = join(dir, 'review.jsonld');
    const r = await runCli(['check', join(SHARED, 'media/real/gopro_karma.mp4'), '--caption', '这个视频由Sora生成', '--posted-at', '2024-02-20',
      '--json', '--html', html, '--claimreview', cr, '--db', join(dir, 'x.db')]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    for (const k of ['verdict', 'generator', 'claims', 'evidence', 'matches', 'media']) assert.ok(k in doc, k);
    assert.match(doc.verdict.quadrant, /^(authentic|undisclosed_ai|disclosed_ai|false_ai_claim|undetermined)$/);
    assert.ok(typeof doc.verdict.summary.en === 'string' && typeof doc.verdict.summary.zh === 'string');
    for (const e of doc.evidence) {
      assert.match(e.code, /^[a-z0-9_]+$/);
      assert.ok(['ai', 'real', 'neutral'].includes(e.direction));
      assert.ok(e.detail.length > 10);
    }
    assert.equal(doc.media.kind, 'video');
    assert.equal(doc.media.container, 'mp4');
    assert.match(doc.rating.value, /^(scam|false|misleading|true|unproven)$/);
    assert.ok(doc.rating.finding.en && doc.rating.finding.zh);
    const review = claimReviewSchema.parse(JSON.parse(readFileSync(cr, 'utf8')));
    assert.equal(review.reviewRating.alternateName, doc.rating.value);
    assert.equal(review.itemReviewed.datePublished, '2024-02-20');
    const page = readFileSync(html, 'utf8');
    assert.match(page, /<html/i);
    assert.match(page, /data:image\/jpeg;base64,/);
    assert.doesNotMatch(page, /<(script|link|img)[^>]+(src|href)="https?:/i, 'no external requests');
  });

  it('the human report goes to stdout in the chosen language (so `> out.txt` saves it), nothing of it on stderr', async () => {
    const r = await runCli(['check', join(SHARED, 'media/real/dn_iphone6_with-gps.mov'), '--lang', 'zh', '--db', join(dir, 'y.db')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /结论/);
    assert.match(r.stdout, /媒体：视频/);
    assert.doesNotMatch(r.stdout, /: (ok|video|mp4)\b|媒体: video/, 'no untranslated labels in zh');
    assert.doesNotMatch(r.stderr, /结论/);
  });
});
