#!/usr/bin/env node
// Collect test files and run them with node's built-in test runner through tsx.
// Node 20's --test does not expand globs, so we do it here.
// Usage: node scripts/run-tests.mjs [unit|system] [filter-substring]
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const kind = process.argv[2] ?? 'unit';
const filter = process.argv[3] ?? '';
const root = process.cwd();
// `services` tests need the local Postgres and Redis (npm run test:services); `npm test` needs no service.
const suffix = kind === 'system' ? '.system.ts' : kind === 'services' ? '.services.ts' : '.test.ts';

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (p.endsWith(suffix)) out.push(relative(root, p));
  }
  return out;
}

// The longest files start first (measured cold with the "slowest test files" summary): with two files at a time,
// a long file started late is run alone at the end while the other worker idles.
const LONGEST_FIRST = [
  'test/match/transforms.test.ts',
  'test/match/reposts.acceptance.test.ts', // builds the shared registry that transforms also needs, as early as possible
  'test/check/shared-media.test.ts',
  'test/registry/registry.cli.test.ts',
  'test/registry/registry.medium.test.ts',
  'test/cli/hostile-input.test.ts',
  'test/signals/vpdq.test.ts',
  'test/scam/scam-cli.test.ts',
  'test/scam/check-scam-parity.test.ts',
  'test/errors/post-input-entry-points.test.ts',
  'test/intake/tool-paths.test.ts',
];
const rank = (f) => (LONGEST_FIRST.includes(f) ? LONGEST_FIRST.indexOf(f) : LONGEST_FIRST.length);
const files = [...walk(join(root, 'test'), []), ...walk(join(root, 'src'), [])]
  .filter((f) => f.includes(filter))
  .sort()
  .sort((a, b) => rank(a) - rank(b));
if (files.length === 0) {
  console.error(`no ${kind} test files found`);
  process.exit(1);
}
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', `--test-reporter=${join(root, 'scripts', 'test-durations.mjs')}`, '--test-reporter-destination=stdout'];
const args = ['--import', 'tsx', '--test', ...reporters, `--test-concurrency=${kind === 'unit' ? 2 : 1}`, ...files];
const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, GENPROOF_FROM_SOURCE: '1' } });
child.on('close', (code) => process.exit(code ?? 1));
