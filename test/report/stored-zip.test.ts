import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crc32, storedZip } from '../../src/report/stored-zip.js';

describe('stored ZIP writer', () => {
  it('computes the standard CRC-32', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
    assert.equal(crc32(Buffer.alloc(0)), 0);
  });

  it('writes a ZIP that python\'s zipfile reads back byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genproof-zip-'));
    try {
      const a = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) & 255));
      const zip = storedZip([{ name: 'keyframe-00-0.50s.jpg', data: a }, { name: '关键帧-1.txt', data: Buffer.from('hello') }]);
      const p = join(dir, 'k.zip');
      writeFileSync(p, zip);
      const out = execFileSync('python3', ['-c', `
import zipfile,sys,hashlib
z=zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for i in z.infolist(): print(i.filename, i.file_size, hashlib.sha256(z.read(i)).hexdigest())
`, p], { encoding: 'utf8' });
      const sha = (b: Buffer) => execFileSync('sha256sum', { input: b, encoding: 'utf8' }).split(' ')[0];
      assert.equal(out, `keyframe-00-0.50s.jpg 5000 ${sha(a)}\n关键帧-1.txt 5 ${sha(Buffer.from('hello'))}\n`);
      assert.equal(readFileSync(p).readUInt32LE(0), 0x04034b50);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
