import type { Command } from 'commander';
import { registerCheck } from './check.command.js';

/**
 * Every CLI command registers itself here, one line each. A command module exports `registerX(program)`.
 */
export function registerCommands(program: Command): void {
  registerCheck(program);
}
