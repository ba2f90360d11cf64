import { serveUntilSignal } from '../cli/commands/serve.command.js';
import { reportError } from '../cli/program.js';

/** Server entry point (`node dist/bin/server.js [--demo]`): settings from config file / GENPROOF_* env. */
try {
  await serveUntilSignal({}, { demo: process.argv.includes('--demo'), log: process.argv.includes('--log') });
  process.exit(0);
} catch (e) {
  process.exit(reportError(e, false));
}
