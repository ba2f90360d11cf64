import type { Command } from 'commander';
import { loadConfig, type Config } from '../config/config.js';
import { ValidationError } from '../domain/errors.js';

/** Global options shared by every command (CONTRACTS.md). */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
  lang?: 'zh' | 'en';
  quiet?: boolean;
  config?: string;
}

/** Merge the global options with a subcommand's own options. */
export function globalOpts(cmd: Command): GlobalOptions {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  return { ...root.opts(), ...cmd.opts() } as GlobalOptions;
}

/** Config for registry commands: --config, --db / GENPROOF_DB, --lang. */
export function registryConfig(g: GlobalOptions): Config {
  if (g.lang && !['zh', 'en'].includes(g.lang)) throw new ValidationError('bad_usage', '--lang must be zh or en');
  return loadConfig({ file: g.config, overrides: { ...(g.db ? { db: g.db } : {}), ...(g.lang ? { lang: g.lang } : {}) } });
}

/** An integer option within [min, max], or undefined when not given. */
export function intOpt(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new ValidationError('bad_usage', `--${name} must be an integer ${min}..${max}`);
  return n;
}
