import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.js';
import type { ReferenceLabel } from '../../domain/match.js';
import { RegistryService, type AddedReference, type HashListFormat } from '../../services/registry.service.js';
import { globalOpts, registryConfig } from '../options.js';
import { progressBar } from '../render/terminal.render.js';
import { writeReport } from '../render/output.js';

interface LabelOpts {
  label?: string;
  source?: string;
  generator?: string;
}

function needLabel(o: LabelOpts): ReferenceLabel {
  if (!o.label) throw new ValidationError('bad_usage', '--label original|ai|scam_poster is required');
  return o.label as ReferenceLabel;
}

function needFormat(f: string | undefined): HashListFormat {
  if (f !== 'vpdq' && f !== 'pdq-list') throw new ValidationError('bad_usage', '--format must be vpdq or pdq-list');
  return f;
}

function intOpt(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v)) throw new ValidationError('bad_usage', `${name} must be a non-negative integer`);
  return Number(v);
}

function reportAdded(json: boolean, quiet: boolean, key: 'added' | 'imported', items: AddedReference[]): void {
  if (json) {
    process.stdout.write(JSON.stringify({ [key]: items }, null, 2) + '\n');
    return;
  }
  if (quiet) return;
  for (const a of items) writeReport(`${a.duplicate ? 'already registered' : key}  ${a.id}  ${a.file}  (${a.frames} frame${a.frames === 1 ? '' : 's'} hashed)\n`);
}

/** Run `fn` with a registry service and always close it. */
async function withRegistry<T>(cmd: Command, fn: (s: RegistryService) => Promise<T>): Promise<T> {
  const service = RegistryService.open(registryConfig(globalOpts(cmd)));
  try {
    return await fn(service);
  } finally {
    await service.close();
  }
}

export function registerRegistry(program: Command): void {
  const reg = program.command('registry').description('reference registry: add, import, export, list');

  reg
    .command('add <files...>')
    .description('register reference media (originals, AI outputs, scam posters)')
    .option('--label <label>', 'original | ai | scam_poster')
    .option('--source <text>', 'where the reference comes from (URL, archive, author)')
    .option('--generator <slug>', 'generator slug for AI outputs (e.g. sora-2)')
    .option('--recursive', 'register the files inside directories')
    .action(async (files: string[], o: LabelOpts & { recursive?: boolean }, cmd: Command) => {
      const g = globalOpts(cmd);
      const label = needLabel(o);
      const bar = progressBar(!g.quiet && !g.json && Boolean(process.stderr.isTTY));
      const added = await withRegistry(cmd, (s) =>
        s.add(files, { label, source: o.source, generator: o.generator, recursive: o.recursive, onProgress: (p) => bar.update('hash', p.fraction) }),
      ).finally(() => bar.done());
      reportAdded(!!g.json, !!g.quiet, 'added', added);
    });

  reg
    .command('import <file>')
    .description('import a vPDQ file or a PDQ hash list')
    .option('--format <format>', 'vpdq | pdq-list')
    .option('--label <label>', 'original | ai | scam_poster')
    .option('--source <text>', 'where the hashes come from')
    .option('--generator <slug>', 'generator slug for AI outputs')
    .action(async (file: string, o: LabelOpts & { format?: string }, cmd: Command) => {
      const g = globalOpts(cmd);
      const format = needFormat(o.format);
      const label = needLabel(o);
      const imported = await withRegistry(cmd, (s) => s.importHashes(file, { format, label, source: o.source, generator: o.generator }));
      reportAdded(!!g.json, !!g.quiet, 'imported', imported);
    });

  reg
    .command('export')
    .description('export every reference hash as vPDQ lines or a PDQ hash list')
    .option('--format <format>', 'vpdq | pdq-list', 'pdq-list')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (o: { format?: string; out?: string }, cmd: Command) => {
      const g = globalOpts(cmd);
      const format = needFormat(o.format);
      const text = await withRegistry(cmd, (s) => s.exportHashes(format));
      if (o.out) await writeFile(o.out, text);
      if (g.json) process.stdout.write(JSON.stringify({ format, ...(o.out ? { out: o.out } : { text }) }) + '\n');
      else if (!o.out) process.stdout.write(text);
    });

  reg
    .command('list')
    .description('list registered references, newest first')
    .option('--offset <n>', 'skip this many', '0')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (o: { offset?: string; limit?: string }, cmd: Command) => {
      const g = globalOpts(cmd);
      const page = { offset: intOpt(o.offset, '--offset', 0), limit: intOpt(o.limit, '--limit', 50) };
      const res = await withRegistry(cmd, (s) => s.list(page));
      if (g.json) {
        process.stdout.write(JSON.stringify(res, null, 2) + '\n');
        return;
      }
      if (g.quiet) return;
      writeReport(`${res.total} reference(s)${res.total > res.items.length ? `, showing ${res.offset + 1}–${res.offset + res.items.length}` : ''}\n`);
      for (const r of res.items) {
        const dims = r.width && r.height ? `${r.width}x${r.height}` : '-';
        const dur = r.duration ? `${r.duration.toFixed(1)}s` : '';
        writeReport(`  ${r.id}  ${r.label.padEnd(11)} ${r.kind.padEnd(6)} ${dims} ${dur}  ${r.frames} frame${r.frames === 1 ? '' : 's'}  ${r.file_name}${r.generator ? `  [${r.generator}]` : ''}${r.source ? `  <${r.source}>` : ''}\n`);
      }
    });
}
