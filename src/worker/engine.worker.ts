/** The engine's Web Worker: serves the engine API to the main thread over comlink. */
import * as Comlink from 'comlink';
import { createEngineApi } from './engine-api';
import { watchdogNotice } from './watchdog-notice';

// Posted outside comlink (which ignores messages without its ids), so that the main thread
// learns where a run was even if the worker stops answering right after.
Comlink.expose(
  createEngineApi(undefined, {
    notices: {
      mark: (records) => self.postMessage(watchdogNotice.mark(records)),
      enter: (operatorUid) => self.postMessage(watchdogNotice.enter(operatorUid)),
    },
  }),
);
