/** The app's one comparison runner, over the engine Worker behind its watchdog. */
import { engine } from '../../worker/client';
import type { CompareEngine } from './compare-runner';
import { CompareRunner } from './compare-runner';

let runner: CompareRunner | undefined;

export function compareRunner(): CompareRunner {
  // Remote<EngineApi> types the batch callback as proxied; the watchdog proxies it itself.
  runner ??= new CompareRunner(() => engine() as unknown as CompareEngine);
  return runner;
}
