import { tempPostgres } from '../helpers/services.js';
import { runStoreContract } from './store.contract.js';

runStoreContract({
  name: 'Postgres',
  async fresh() {
    const { url, drop } = await tempPostgres('genproof_store');
    return { target: url, drop };
  },
});
