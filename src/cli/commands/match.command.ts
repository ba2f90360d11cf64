import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.js';
import type { Match } from '../../domain/match.js';
import { RegistryService } from '../../services/registry.service.js';
import { globalOpts, registryConfig } from '../options.js';
import { progressBar } from '../render/terminal.render.js';
import { writeReport } from '../render/output.js';

/** The public shape of a match (CONTRACTS.md), without internal scoring fields. */
export function publicMatch(m: Match): Match {
  return {
    reference_id: m.reference_id, reference_file: m.reference_file, label: m.label, generator: m.generator,
    source: m.source ?? null, query_coverage: m.query_coverage, reference_coverage: m.reference_coverage,
    min_distance: m.min_distance, segments: m.segments, transform: m.transform ?? null,
  };
}

function describe(m: Match, zh: boolean): string {
  const seg = m.segments[0];
  const at = seg ? ` ${seg.query_start.toFixed(1)}–${seg.query_end.toFixed(1)}s ↔ ${seg.reference_start.toFixed(1)}–${seg.reference_end.toFixed(1)}s` : '';
  const cov = `${Math.round(m.query_coverage * 100)}%/${Math.round(m.reference_coverage * 100)}%`;
  const tf = m.transform ? ` [${m.transform}]` : '';
  return zh
    ? `  ${m.label}  ${m.reference_file}  覆盖 ${cov}  距离 ${m.min_distance}${at}${tf}  (${m.reference_id})\n`
    : `  ${m.label}  ${m.reference_file}  coverage ${cov}  distance ${m.min_distance}${at}${tf}  (${m.reference_id})\n`;
}

export function registerMatch(program: Command): void {
  program
    .command('match <file>')
    .description('near-duplicate lookup against the registry')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const g = globalOpts(cmd);
      const config = registryConfig(g);
      const service = RegistryService.open(config);
      const bar = progressBar(!g.quiet && !g.json && Boolean(process.stderr.isTTY));
      try {
        const matches = (await service.match(file, { onProgress: (f) => bar.update('match', f) })).map(publicMatch);
        bar.done();
        if (g.json) process.stdout.write(JSON.stringify({ matches }, null, 2) + '\n');
        else if (!g.quiet) {
          const zh = config.lang === 'zh';
          if (!matches.length) writeReport(zh ? '登记库中没有匹配。\n' : 'No match in the registry.\n');
          else {
            writeReport(zh ? `${matches.length} 个匹配（最佳在前）：\n` : `${matches.length} match(es), best first:\n`);
            for (const m of matches) writeReport(describe(m, zh));
          }
        }
      } finally {
        bar.done();
        await service.close();
      }
    });
}
