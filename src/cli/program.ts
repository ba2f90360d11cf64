import { Command, CommanderError } from 'commander';
import { isAppError } from '../domain/errors.js';
import { registerCommands } from './commands/index.js';

export { globalOpts, type GlobalOptions } from './options.js';

/** The program; with `argv`, only the invoked command's module is loaded (see commands/index.ts). */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('genproof')
    .description('Open verification desk for the AI-video era — 真视频、假视频、真假视频、假假视频')
    .option('--db <path>', 'registry database (env GENPROOF_DB)')
    .option('--json', 'machine output on stdout')
    .option('--lang <lang>', 'human output language: zh|en (default from LANG)')
    .option('--quiet', 'no progress output')
    .option('--config <file>', 'config file (JSON)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  await registerCommands(program, argv);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Print an error the way the contract says (stderr text, or a JSON document with --json) and return the exit code. */
export function reportError(e: unknown, json: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
    if (json) process.stdout.write(JSON.stringify({ error: { code: 'bad_usage', message: e.message } }) + '\n');
    return 2;
  }
  if (isAppError(e)) {
    if (json) process.stdout.write(JSON.stringify({ error: { code: e.code, message: e.message } }) + '\n');
    process.stderr.write(`genproof: ${e.message} [${e.code}]\n`);
    return e.exitCode;
  }
  const msg = e instanceof Error ? e.message : String(e);
  if (json) process.stdout.write(JSON.stringify({ error: { code: 'internal_error', message: msg } }) + '\n');
  process.stderr.write(`genproof: internal error: ${msg}\n`);
  if (process.env.GENPROOF_DEBUG) console.error(e);
  return 1;
}

export async function runCli(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  // Libraries that print (libheif-js logs "Could not parse HEIF file" with console.log) must never corrupt the
  // JSON document on stdout (found by `npm run fuzz:media`): their chatter goes to stderr.
  if (json) console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return reportError(e, json);
  }
}
