import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, trustInstallDir } from '../../config/config.js';
import { ValidationError } from '../../domain/errors.js';
import { loadTrustSettings, TRUST_FILES } from '../../repositories/c2pa.repository.js';
import { downloadTrustFiles, installTrustFiles, readLocalTrustFiles, TRUST_SOURCES, type CheckedTrustFile } from '../../repositories/c2pa-trust.repository.js';
import { parsePemList } from '../../analyzers/c2pa/trust-chain.js';
import { globalOpts } from '../options.js';

interface UpdateOpts {
  dir?: string;
  from?: string;
  timeout?: string;
}

function summary(dir: string, files: CheckedTrustFile[], zh: boolean): string {
  const lines = files.map((f) => `  ${f.file}: ${f.entries} ${f.file.endsWith('.cfg') ? 'OIDs' : zh ? '个证书' : 'certificates'}${f.expired ? ` (${f.expired} ${zh ? '个已过期' : 'expired'})` : ''} ← ${f.source}`);
  const hint = zh
    ? `要使用这些列表，请在配置中设置 c2pa.trustDir，或设置环境变量 GENPROOF_C2PA__TRUST_DIR=${dir}`
    : `To use them, set c2pa.trustDir in your config or GENPROOF_C2PA__TRUST_DIR=${dir}`;
  return `${zh ? '已安装信任列表到' : 'Installed trust lists in'} ${dir}:\n${lines.join('\n')}\n${hint}\n`;
}

export function registerTrust(program: Command): void {
  const trust = program.command('trust').description('C2PA trust lists (official C2PA list, TSA list, interim list)');
  trust
    .command('update')
    .description('download the official trust lists from their URLs (or copy them from --from DIR) into a trust directory')
    .option('--dir <dir>', 'trust directory to write (default: $XDG_CONFIG_HOME/genproof/trust)')
    .option('--from <dir>', 'install from local copies in DIR instead of downloading')
    .option('--timeout <ms>', 'download timeout per file in ms', '30000')
    .action(async (o: UpdateOpts, cmd: Command) => {
      const g = globalOpts(cmd);
      const config = loadConfig({ file: g.config, overrides: g.lang === 'zh' || g.lang === 'en' ? { lang: g.lang } : {} });
      const dir = resolve(o.dir ?? trustInstallDir());
      const timeout = Number(o.timeout);
      if (!Number.isFinite(timeout) || timeout <= 0) throw new ValidationError('bad_usage', '--timeout must be a positive number of milliseconds');
      if (!o.from && !g.quiet) process.stderr.write(`Downloading ${TRUST_SOURCES.length} trust files…\n`);
      const files = o.from ? await readLocalTrustFiles(resolve(o.from)) : await downloadTrustFiles(timeout);
      const checked = await installTrustFiles(dir, files);
      if (g.json) process.stdout.write(JSON.stringify({ dir, files: checked }) + '\n');
      else process.stdout.write(summary(dir, checked, config.lang === 'zh'));
    });
  trust
    .command('show')
    .description('show the trust settings genproof would load')
    .option('--dir <dir>', 'trust directory (default: config c2pa.trustDir)')
    .action((o: { dir?: string }, cmd: Command) => {
      const g = globalOpts(cmd);
      const config = loadConfig({ file: g.config });
      const dir = o.dir ?? config.c2pa.trustDir;
      const t = loadTrustSettings({ trustDir: dir, extraAnchors: config.c2pa.extraAnchors });
      const info = {
        dir,
        sources: t.sources,
        anchors: parsePemList(t.anchorsPem).length,
        allowed: parsePemList(t.allowedPem).length,
        ekus: t.trustConfig.split(/\r?\n/).filter((l) => /^\d+(\.\d+)+$/.test(l.trim())).length,
        files: Object.values(TRUST_FILES),
      };
      if (g.json) process.stdout.write(JSON.stringify(info) + '\n');
      else process.stdout.write(dir ? `Trust directory: ${dir}\n  anchors: ${info.anchors}, allowed certificates: ${info.allowed}, EKU OIDs: ${info.ekus}\n  files: ${t.sources.join(', ') || 'none'}\n` : 'No trust directory configured: every C2PA signer will show as untrusted. Run `genproof trust update`.\n');
    });
}
