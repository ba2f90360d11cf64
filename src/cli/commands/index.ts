import type { Command } from 'commander';

/**
 * Every CLI command registers itself here, one line each. A command module exports `registerX(program)`.
 */
export function registerCommands(program: Command): void {
  void program;
}
