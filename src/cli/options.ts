import type { Command } from 'commander';

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
