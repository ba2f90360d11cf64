import { runCli } from '../cli/program.js';

const code = await runCli(process.argv.slice(2));
// Let pending stdout writes flush, then close any tool pools (exiftool) by exiting.
process.stdout.write('', () => process.exit(code));
