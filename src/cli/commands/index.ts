import type { Command } from 'commander';
import { registerCheck } from './check.command.js';
import { registerServe } from './serve.command.js';
import { registerScam } from './scam.command.js';

/**
 * Every CLI command registers itself here, one line each. A command module exports `registerX(program)`.
 */
export function registerCommands(program: Command): void {
  registerCheck(program);
  registerServe(program);
  registerScam(program);
}
