/**
 * Crashes lose nothing: `registry import` of 30,000 hashes and `registry add` are killed with SIGKILL at
 * random points; the SQLite database must stay consistent (integrity check, no reference without all its
 * hashes, no orphan hash) and the command must be re-runnable to completion. A server killed mid-upload leaves
 * a temp dir that the next start removes.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import Database from 'better-sqlite3';
import { makeRng } from '../../scripts/fuzz/mutators.js';
import { ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'genproof-crash-'));
after(() => rmSync(work, { recursive: true, force: true }));
const rng = makeRng(15);

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin', 'genproof.js'), ...args], {
    cwd: work, env: { ...process.env, GENPROOF_FROM_SOURCE: '1', LANG: 'en_US.UTF-8', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
}
const exited = (c: ChildProcess) => new Promise<number | null>((r) => (c.exitCode !== null || c.signalCode ? r(c.exitCode) : c.on('close', (code) => r(code))));

function consistency(db: string): { refs: number; hashes: number } {
  if (!existsSync(db)) return { refs: 0, hashes: 0 };
  const d = new Database(db);
  try {
    assert.equal(d.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(d.pragma('foreign_key_check'), []);
    const tables = d.prepare("select name from sqlite_master where type = 'table'").all().map((r) => (r as { name: string }).name);
    if (!tables.includes('references')) return { refs: 0, hashes: 0 };
    const partial = d.prepare(`select count(*) n from "references" r where r.frames != (select count(*) from reference_hashes h where h.reference_id = r.id and h.view = 'full' and h.crop = 1)`).get() as { n: number };
    assert.equal(partial.n, 0, 'a reference without all its full-frame hashes');
    const orphans = d.prepare('select count(*) n from reference_hashes where reference_id not in (select id from "references")').get() as { n: number };
    assert.equal(orphans.n, 0, 'hashes without a reference');
    return {
      refs: (d.prepare('select count(*) n from "references"').get() as { n: number }).n,
      hashes: (d.prepare('select count(*) n from reference_hashes').get() as { n: number }).n,
    };
  } finally {
    d.close();
  }
}

/** Kill when the reference count reaches `target` (checked every 100 ms), or after `maxMs`. */
async function killAt(child: ChildProcess, db: string, target: number, maxMs: number): Promise<number> {
  const end = Date.now() + maxMs;
  while (child.exitCode === null && Date.now() < end) {
    let n = -1;
    try {
      const d = new Database(db, { readonly: true, fileMustExist: true });
      try { n = (d.prepare('select count(*) n from "references"').get() as { n: number }).n; } finally { d.close(); }
    } catch { /* not created yet, or busy */ }
    if (n >= target) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  await exited(child);
  return consistency(db).refs;
}

/**
 * Rows of the import test: enough that ten kills land mid-transaction (batches commit in thousands), small enough
 * that CI spends seconds, not minutes, waiting on it. The property does not depend on the size.
 */
const ROWS = 30_000;

describe('crash safety of the SQLite registry', () => {
  it('registry import of 30,000 hashes survives 10 SIGKILLs at random points and completes on re-run', { timeout: 30 * 60_000 }, async () => {
    const list = join(work, 'hashes.txt');
    const lines: string[] = [];
    for (let i = 0; i < ROWS; i++) lines.push(`${Array.from({ length: 8 }, () => Math.floor(rng() * 2 ** 32).toString(16).padStart(8, '0')).join('')},${50 + (i % 50)}`);
    writeFileSync(list, lines.join('\n') + '\n');
    const db = join(work, 'import.db');
    const args = ['--db', db, '--quiet', 'registry', 'import', list, '--format', 'pdq-list', '--label', 'original', '--source', 'crash test'];
    let prev = 0;
    const seen: number[] = [];
    for (let run = 0; run < 10; run++) {
      const child = start(args);
      // Run 0 dies at a random moment of start-up; the others after a random amount of new progress.
      const n = run === 0
        ? await killAt(child, db, Number.MAX_SAFE_INTEGER, 500 + Math.floor(rng() * 3000))
        : await killAt(child, db, prev + 1 + Math.floor(rng() * (ROWS / 16)), 120_000);
      assert.ok(n >= prev, `count went back from ${prev} to ${n}`);
      seen.push(n);
      prev = n;
    }
    const done = start(args);
    let err = '';
    done.stderr!.on('data', (c) => (err += c));
    assert.equal(await exited(done), 0, err);
    const final = consistency(db);
    assert.equal(final.refs, ROWS, `after kills at ${seen.join(', ')}`);
    assert.equal(final.hashes, ROWS);
  });

  it('registry add killed mid-hashing leaves no partial reference and can be re-run', { timeout: 15 * 60_000 }, async () => {
    const clip = join(work, 'clip.mp4');
    execFileSync(ffmpegInstaller.path, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=duration=20:size=480x270:rate=25', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', clip], { timeout: 120_000 });
    const db = join(work, 'add.db');
    const args = ['--db', db, '--quiet', 'registry', 'add', clip, '--label', 'original'];
    for (let run = 0; run < 3; run++) {
      const n = await killAt(start(args), db, 1, 1000 + Math.floor(rng() * 8000));
      assert.ok(n <= 1);
      if (n === 1) break;
    }
    const done = start(args);
    let err = '';
    done.stderr!.on('data', (c) => (err += c));
    assert.equal(await exited(done), 0, err);
    assert.equal(consistency(db).refs, 1);
  });
});

describe('server killed mid-upload', () => {
  it('leaves a temp dir that the next start removes', { timeout: 5 * 60_000 }, async () => {
    const tmp = join(work, 'srv-tmp');
    mkdirSync(tmp);
    const env = { TMPDIR: tmp, GENPROOF_DB: join(work, 'srv.db') };
    const serve = async () => {
      const child = start(['serve', '--port', '0'], env);
      let err = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr!.on('data', (c) => {
          err += c;
          const m = /serving the desk on (http:\/\/[^\s]+)/.exec(err);
          if (m) resolve(m[1]);
        });
        child.on('close', () => reject(new Error(`server exited: ${err}`)));
      });
      return { child, url, log: () => err };
    };
    const first = await serve();
    const port = Number(new URL(first.url).port);
    const sock = connect(port, '127.0.0.1');
    sock.on('error', () => {});
    await new Promise((r) => sock.on('connect', r));
    sock.write(`POST /api/checks HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 50000000\r\n\r\n`);
    sock.write('--b\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n');
    sock.write(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(1024 * 1024, 1)]));
    const end = Date.now() + 30_000;
    while (Date.now() < end && !readdirSync(tmp).some((d) => d.startsWith('genproof-check-'))) await new Promise((r) => setTimeout(r, 100));
    first.child.kill('SIGKILL');
    await exited(first.child);
    sock.destroy();
    const left = readdirSync(tmp).filter((d) => d.startsWith('genproof-check-'));
    assert.equal(left.length, 1, 'the killed upload left its dir (the case under test)');
    const second = await serve();
    try {
      assert.deepEqual(readdirSync(tmp).filter((d) => d.startsWith('genproof-check-')), [], second.log());
      assert.match(second.log(), /removed 1 temp dir/);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  });
});
