/**
 * Where the CLI writes: the human report (what `genproof check x > out.txt` should save) goes to stdout like
 * `--json`; progress bars, log lines and error messages go to stderr.
 */
export function writeReport(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
