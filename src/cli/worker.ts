/** Worker side of capped.ts: runs one `oneplan` command and posts its exit code. */
import { parentPort, workerData } from 'node:worker_threads';
import { main } from './oneplan';

const { argv } = workerData as { argv: string[] };
main(argv, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }, { inWorker: true })
  .then((code) => parentPort!.postMessage({ code }))
  .catch((e) => {
    process.stderr.write(`oneplan: ${e && (e as Error).stack ? (e as Error).stack : e}\n`);
    parentPort!.postMessage({ code: 1 });
  });
