// /ready probed every 100 ms from a thread of its own: the test's 50 writers share the main event loop, and timing the
// probes there would add their delay to what is measured (a 500 ms answer was once timed at 1,046 ms in CI).
import { Worker } from 'node:worker_threads';

export interface ReadyProbe {
  status: number;
  ms: number;
  reason?: string;
}

// Plain JavaScript, so the thread needs no TypeScript loader.
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
let probing = true;
parentPort.on('message', () => { probing = false; });
(async () => {
  while (probing) {
    const began = performance.now();
    let probe;
    try {
      const response = await fetch(workerData.url + '/ready');
      const body = await response.json();
      probe = { status: response.status, ms: Math.round(performance.now() - began), reason: body.reason };
    } catch (error) {
      probe = { status: 0, ms: Math.round(performance.now() - began), reason: String(error) };
    }
    parentPort.postMessage(probe);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  parentPort.postMessage('done');
})();
`;

/** Starts probing; `probes` fills as answers come; `stop()` ends after the probe in flight. */
export function probeReadiness(url: string): { probes: ReadyProbe[]; stop: () => Promise<void> } {
  const probes: ReadyProbe[] = [];
  const worker = new Worker(PROBER, { eval: true, workerData: { url } });
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: ReadyProbe | 'done') => (message === 'done' ? resolve() : probes.push(message)));
    worker.on('error', reject);
  });
  return {
    probes,
    stop: async () => {
      worker.postMessage('stop');
      await done;
      await worker.terminate();
    },
  };
}
