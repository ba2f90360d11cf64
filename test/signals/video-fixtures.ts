/** Small generated video fixtures for signal tests, cached under os.tmpdir() (ffmpeg lavfi sources). */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toolPaths } from '../../src/repositories/tools.repository.js';

const DIR = join(tmpdir(), 'genproof-signals-fixtures-v1');

/** Run ffmpeg once to produce `name` (args get the output path appended); cached by name. */
export function fixture(name: string, args: string[]): string {
  mkdirSync(DIR, { recursive: true });
  const out = join(DIR, name);
  if (existsSync(out)) return out;
  const tmp = join(DIR, `.${process.pid}.${name}`);
  execFileSync(toolPaths().ffmpeg, ['-v', 'error', '-y', ...args, tmp], { timeout: 60_000, stdio: ['ignore', 'ignore', 'pipe'] });
  renameSync(tmp, out);
  return out;
}

/** A 10 s, 30 fps Mandelbrot zoom: every frame differs, so time alignment is unambiguous. */
export function mandelbrotClip(): string {
  return fixture('mandel-192x144-30fps-10s.mp4', [
    '-f', 'lavfi', '-i', 'mandelbrot=size=192x144:rate=30', '-t', '10',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p',
  ]);
}

/** The same zoom trimmed to 3.0–7.0 s, re-timed to 25 fps and re-encoded harder (a typical repost). */
export function mandelbrotTrimmed25(): string {
  return fixture('mandel-trim3-7-25fps.mp4', [
    '-ss', '3', '-i', mandelbrotClip(), '-t', '4', '-vf', 'fps=25',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-pix_fmt', 'yuv420p',
  ]);
}

/** Unrelated content: the testsrc2 pattern. */
export function testPatternClip(): string {
  return fixture('testsrc2-160x120-24fps-4s.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=24', '-t', '4',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
  ]);
}
