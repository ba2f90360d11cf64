import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Every CLI command, one line each: its name and how to load the module that registers it (`registerX(program)`).
 * A command's module (and what it imports: the HTTP server, BullMQ, the OCR runtime …) loads only when that command
 * runs, so `genproof check` does not pay for `serve` — a cold process starts in a fraction of the time.
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['check', async () => (await import('./check.command.js')).registerCheck],
  ['serve', async () => (await import('./serve.command.js')).registerServe],
  ['scam', async () => (await import('./scam.command.js')).registerScam],
  ['hash', async () => (await import('./hash.command.js')).registerHash],
  ['registry', async () => (await import('./registry.command.js')).registerRegistry],
  ['match', async () => (await import('./match.command.js')).registerMatch],
  ['provenance', async () => (await import('./provenance.command.js')).registerProvenance],
  ['trust', async () => (await import('./trust.command.js')).registerTrust],
  ['kb', async () => (await import('./kb.command.js')).registerKb],
  ['worker', async () => (await import('./worker.command.js')).registerWorker],
];

/** The program's options that take a value (`--db <path>` …), read from its own definitions. */
export function valueOptions(program: Command): Set<string> {
  return new Set(program.options.filter((o) => o.required || o.optional).map((o) => o.long ?? ''));
}

/**
 * The command `argv` invokes, or null (help, no command, an unknown word: every command is then registered).
 * The value of an option in `takesValue` is skipped, even one spelled like a command.
 */
export function invokedCommand(argv: readonly string[], takesValue: ReadonlySet<string>): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (takesValue.has(a)) { i++; continue; }
    if (a.startsWith('-')) continue;
    return COMMANDS.some(([name]) => name === a) ? a : null;
  }
  return null;
}

/** Register the invoked command only (or all of them when none is named, so help and errors list every command). */
export async function registerCommands(program: Command, argv?: readonly string[]): Promise<void> {
  const name = argv ? invokedCommand(argv, valueOptions(program)) : null;
  const wanted = name ? COMMANDS.filter(([n]) => n === name) : COMMANDS;
  const registers = await Promise.all(wanted.map(([, load]) => load()));
  for (const register of registers) register(program);
}
