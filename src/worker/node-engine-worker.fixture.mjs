// The engine served from a Node worker thread, as engine.worker.ts serves it from a Web Worker:
// the watchdog test runs a real infinite loop in one. tsx lets it import the TypeScript sources.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { register } from 'tsx/esm/api';

register();
const { createEngineApi } = await import('./engine-api.ts');
const { watchdogNotice } = await import('./watchdog-notice.ts');

Comlink.expose(
  createEngineApi(undefined, {
    notices: {
      mark: (records) => parentPort.postMessage(watchdogNotice.mark(records)),
      enter: (operatorUid) => parentPort.postMessage(watchdogNotice.enter(operatorUid)),
    },
  }),
  nodeEndpoint(parentPort),
);
