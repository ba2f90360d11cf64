import type { Command } from 'commander';
import { registerCheck } from './check.command.js';
import { registerServe } from './serve.command.js';
import { registerScam } from './scam.command.js';
import { registerHash } from './hash.command.js';
import { registerRegistry } from './registry.command.js';
import { registerMatch } from './match.command.js';
import { registerProvenance } from './provenance.command.js';
import { registerTrust } from './trust.command.js';
import { registerKb } from './kb.command.js';
import { registerWorker } from './worker.command.js';

/**
 * Every CLI command registers itself here, one line each. A command module exports `registerX(program)`.
 */
export function registerCommands(program: Command): void {
  registerCheck(program);
  registerServe(program);
  registerScam(program);
  registerHash(program);
  registerRegistry(program);
  registerMatch(program);
  registerProvenance(program);
  registerTrust(program);
  registerKb(program);
  registerWorker(program);
}
