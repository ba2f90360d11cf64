import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreContract } from './store.contract.js';

runStoreContract({
  name: 'SQLite',
  async fresh() {
    const dir = await mkdtemp(join(tmpdir(), 'gp-store-'));
    return { target: join(dir, 'g.db'), drop: () => rm(dir, { recursive: true, force: true }) };
  },
});
