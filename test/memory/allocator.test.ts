// tuneMalloc: glibc's mallopt through koffi (config memory.mallocArenaMax / mallocMmapThresholdBytes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tuneMalloc } from '../../src/repositories/allocator.repository.js';

const glibc = process.platform === 'linux' && Boolean((process.report?.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime);

describe('tuneMalloc', () => {
  it('does nothing when both settings are 0', () => {
    assert.equal(tuneMalloc({ mallocArenaMax: 0, mallocMmapThresholdBytes: 0 }), false);
  });
  it('applies the settings on Linux with glibc (and again, idempotently)', { skip: !glibc && 'not glibc' }, () => {
    assert.equal(tuneMalloc({ mallocArenaMax: 2, mallocMmapThresholdBytes: 256 * 1024 }), true);
    assert.equal(tuneMalloc({ mallocArenaMax: 2, mallocMmapThresholdBytes: 256 * 1024 }), true);
    // Memory allocated afterwards still works both below and above the threshold.
    const small = Buffer.alloc(1024, 1);
    const big = Buffer.alloc(4 * 1024 * 1024, 2);
    assert.equal(small[1023] + big[big.length - 1], 3);
  });
});
