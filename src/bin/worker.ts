import { workUntilSignal } from '../cli/commands/worker.command.js';
import { reportError } from '../cli/program.js';

/** Worker entry point (`node dist/bin/worker.js`): settings from config file / GENPROOF_* env (GENPROOF_QUEUE, GENPROOF_DB). */
try {
  await workUntilSignal({}, {});
  process.exit(0);
} catch (e) {
  process.exit(reportError(e, false));
}
