import { spawn } from 'node:child_process';
import { ToolError } from '../domain/errors.js';
import { countTool } from './tool-stats.repository.js';

export interface RunOptions {
  timeoutMs: number;
  /** Max bytes of stdout kept (default 64 MiB); the process is killed beyond it. */
  maxStdoutBytes?: number;
  input?: Buffer | string;
  signal?: AbortSignal;
  /** Name used in error messages. */
  tool?: string;
  /** Take stdout as it arrives instead of in RunResult.stdout (which is then empty); maxStdoutBytes still applies. */
  onStdout?: (chunk: Buffer) => void;
}

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

/**
 * Run an external tool with a hard timeout. Never throws for a non-zero exit (callers decide);
 * throws ToolError when the tool cannot be started, times out, or floods stdout.
 */
export function runTool(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  const tool = opts.tool ?? cmd.split('/').pop() ?? cmd;
  const max = opts.maxStdoutBytes ?? 64 * 1024 * 1024;
  countTool(tool);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let timedOut = false;
    let overflow = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    const onAbort = () => child.kill('SIGKILL');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        overflow = true;
        child.kill('SIGKILL');
        return;
      }
      if (opts.onStdout) opts.onStdout(c);
      else chunks.push(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 256 * 1024) stderr += c.toString('utf8');
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new ToolError('tool_failed', `${tool} could not be started: ${e.message}`, { cause: e }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (timedOut) return reject(new ToolError('tool_timeout', `${tool} timed out after ${opts.timeoutMs} ms`));
      if (overflow) return reject(new ToolError('tool_failed', `${tool} produced more than ${max} bytes`));
      if (opts.signal?.aborted) return reject(new ToolError('aborted', `${tool} was cancelled`));
      resolve({ code, stdout: Buffer.concat(chunks), stderr, timedOut });
    });
    child.stdin.on('error', () => {});
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}
