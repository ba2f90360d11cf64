import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config/config.js';
import { NotFoundError } from '../../domain/errors.js';
import { kbForConfig } from '../../knowledge/kb.loader.js';
import { BUILTIN_DATA, KnowledgeBase } from '../../knowledge/kb.js';
import { mergeOverlays, readOverlay } from '../../knowledge/kb.overlay.js';
import { generatorTimeline, renderTimeline } from '../render/kb.render.js';
import { globalOpts } from '../options.js';

const collect = (v: string, acc: string[] = []) => [...acc, v];

/** Add `--kb-overlay` files to the configured `kb.overlays` and load them now, so a bad file fails at once (exit 2). */
export function withKbOverlays(config: Config, files: readonly string[] | undefined): Config {
  const out = files?.length ? { ...config, kb: { ...config.kb, overlays: [...config.kb.overlays, ...files] } } : config;
  kbForConfig(out);
  return out;
}

/** Register `--kb-overlay FILE` (repeatable) on a command. */
export function kbOverlayOption(cmd: Command): Command {
  return cmd.option('--kb-overlay <file>', 'merge a local knowledge overlay (JSON, validated like the built-in facts; repeatable; config kb.overlays)', collect);
}

export function registerKb(program: Command): void {
  const kb = program.command('kb').description('the dated knowledge base: generator timelines with sources, local overlays');
  kbOverlayOption(
    kb
      .command('show [slug]')
      .description("print a generator's timeline (announcement, access periods, products and their ends, limits, marks) with sources; all generators without a slug"),
  ).action((slug: string | undefined, opts: { kbOverlay?: string[] }, cmd: Command) => {
    const g = globalOpts(cmd);
    const config = withKbOverlays(loadConfig({ file: g.config, overrides: g.lang === 'zh' || g.lang === 'en' ? { lang: g.lang } : {} }), opts.kbOverlay);
    const base = kbForConfig(config);
    const gens = slug ? [base.generator(slug)] : [...base.generators()];
    if (gens[0] === null) throw new NotFoundError('generator_not_found', `No generator "${slug}" in the knowledge base (genproof kb show lists them all).`);
    const timelines = gens.map((x) => generatorTimeline(base, x!));
    const head = { as_of: base.asOf(), overlays: base.overlays().map((o) => o.file) };
    if (g.json) process.stdout.write(JSON.stringify({ kb: head, generators: timelines }, null, 2) + '\n');
    else process.stdout.write(renderTimeline(head, timelines, config.lang));
  });
  kb.command('validate <file>')
    .description('check one overlay file against the knowledge-base schema and the built-in data (exit 2 with the JSON path of the first problem)')
    .action((file: string, _opts: unknown, cmd: Command) => {
      const g = globalOpts(cmd);
      const loaded = readOverlay(file);
      const merged = new KnowledgeBase(mergeOverlays(BUILTIN_DATA, [loaded]));
      const o = loaded.overlay;
      const summary = {
        ok: true, file, sha256: loaded.ref.sha256,
        generators: o.generators.map((x) => ({ slug: x.slug, new: !BUILTIN_DATA.generators.some((b) => b.slug === x.slug) })),
        facts: o.facts.length, official_domains: o.official_domains.map((c) => c.domain), as_of: merged.asOf(),
      };
      if (g.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      else if (!g.quiet) {
        const gens = summary.generators.map((x) => `${x.slug}${x.new ? ' (new)' : ' (changes a built-in entry)'}`).join(', ') || 'none';
        process.stdout.write(`${file}: valid. generators: ${gens}; facts: ${summary.facts}; official domains: ${summary.official_domains.join(', ') || 'none'}; KB as of ${summary.as_of}.\n`);
      }
    });
}
