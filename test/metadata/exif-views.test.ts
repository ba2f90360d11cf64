import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { after, describe, it } from 'node:test';
import { extractLabelsFromTags } from '../../src/analyzers/label/labels.js';
import { closeExiftool, deriveGroupedView, readGroupedTags, readTags, readTagViews } from '../../src/repositories/exif.repository.js';
import { toolStats } from '../../src/repositories/tool-stats.repository.js';
import { SHARED } from '../helpers/cli.js';

/** Every media file of the shared test data (not the text corpora, certificates or listings). */
function mediaFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) {
      if (e !== 'text') mediaFiles(p, out);
    } else if (!/\.(json|jsonl|md|tsv|txt|csv|pem|cfg|dat)$|LICENSE/i.test(e)) out.push(p);
  }
  return out.sort();
}

after(() => closeExiftool());

describe('one exiftool run gives both tag views', () => {
  it('the grouped view names duplicates as exiftool -G1 -a JSON does', () => {
    const row = {
      SourceFile: '/x.mov',
      // a copy in the same group as the priority tag is left out…
      'Track1:Copy2:HandlerType': 'Alias Data',
      'Track1:HandlerType': 'Video Track',
      // …a copy in another group is kept under its own group
      'IFD0:Software': 'A',
      'ExifIFD:Copy1:Software': 'B',
      // two copies in one group that is not the priority tag's group: the first stays
      'XMP-x:Copy1:Make': 'first',
      'XMP-x:Copy2:Make': 'second',
      'IFD0:Make': 'cam',
      'XMP-xmpMM:History': [{ action: 'saved', softwareAgent: 'Tool 1' }, { action: 'edited', softwareAgent: 'Tool 2' }],
    };
    assert.deepEqual(deriveGroupedView(row, [], ['w']), {
      SourceFile: '/x.mov',
      'Track1:HandlerType': 'Video Track',
      'IFD0:Software': 'A',
      'ExifIFD:Software': 'B',
      'XMP-x:Make': 'first',
      'IFD0:Make': 'cam',
      'XMP-xmpMM:HistoryAction': ['saved', 'edited'],
      'XMP-xmpMM:HistorySoftwareAgent': ['Tool 1', 'Tool 2'],
      errors: [],
      warnings: ['w'],
    });
  });

  it('counts one exiftool run', async () => {
    const f = join(SHARED, 'media/real/img_truepic_c2pa_camera.jpg');
    if (!existsSync(f)) return;
    const before = toolStats().tools.exiftool ?? 0;
    await readTagViews(f);
    assert.equal((toolStats().tools.exiftool ?? 0) - before, 1);
  });

  // The flat view must be what exiftool-vendored's read returns (every consumer of readTags, dates and GPS
  // parsed, duplicate names resolved by exiftool's priority rules), and the grouped view must give the same
  // in-file labels as the separate `-G1 -a` read did. Over every real media file of the shared data.
  it('matches readTags and the labels of readGroupedTags over the shared media files', { skip: !existsSync(SHARED), timeout: 600_000 }, async () => {
    const files = mediaFiles(SHARED);
    assert.ok(files.length > 50, `${files.length} files`);
    const bad: string[] = [];
    // The filesystem's access time moves between the reads themselves (the first read of a file can update
    // its atime), so it is not part of what the two paths must agree on.
    const VOLATILE = new Set(['FileAccessDate', 'FileInodeChangeDate']);
    for (const f of files) {
      const flat = await readTags(f);
      const grouped = await readGroupedTags(f);
      const views = await readTagViews(f);
      if (!isDeepStrictEqual(flat, views.tags)) {
        const keys = [...new Set([...Object.keys(flat), ...Object.keys(views.tags)])];
        const differ = keys.filter((k) => !VOLATILE.has(k) && !isDeepStrictEqual((flat as Record<string, unknown>)[k], (views.tags as Record<string, unknown>)[k]));
        if (differ.length > 0) bad.push(`${f}: flat tags differ: ${differ.join(', ')}`);
      }
      if (!isDeepStrictEqual(extractLabelsFromTags(grouped), extractLabelsFromTags(views.grouped))) bad.push(`${f}: labels differ`);
    }
    assert.deepEqual(bad, []);
  });
});
