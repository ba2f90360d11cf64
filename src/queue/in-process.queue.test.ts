import { InProcessQueue } from './in-process.queue.js';
import { runQueueContract } from './queue.contract.js';

runQueueContract('InProcessQueue', (o) => new InProcessQueue(o));
