import { defineConfig } from 'vite';

/** The web desk: src/web → dist/web (served by `genproof serve`). `npx vite` proxies the API to :8080 while developing. */
export default defineConfig({
  root: 'src/web',
  base: '/',
  publicDir: false,
  build: { outDir: '../../dist/web', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' } },
});
