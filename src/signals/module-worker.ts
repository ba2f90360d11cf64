/**
 * Start a worker thread on a module that sits next to the caller: `name` + `.js` from compiled output, or `name` +
 * `.ts` through tsx's loader when running the TypeScript sources (loader hooks are per thread, so the worker
 * registers tsx itself before importing its module).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function spawnModuleWorker(callerUrl: string, name: string, opts: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), opts);
  // the ESM entry of tsx's API (require.resolve would give the CommonJS one, which import() cannot use here)
  let tsxApi: string;
  try {
    tsxApi = import.meta.resolve('tsx/esm/api');
  } catch {
    tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  }
  const target = new URL(`./${name}.ts`, callerUrl).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(code, { ...opts, eval: true });
}
