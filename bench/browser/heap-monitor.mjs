// Reads the bench worker's JS heap over the DevTools protocol: performance.memory does not
// exist in workers. Playwright's CDP sessions cannot address a worker's flattened session, so
// the worker is attached in the older non-flattened mode, messages wrapped in Target commands.

const SAMPLE_EVERY_MS = 25;

/**
 * @param {import('playwright-core').Page} page
 * @param {RegExp} workerUrl
 */
export async function monitorWorkerHeap(page, workerUrl) {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && workerUrl.test(t.url));
  if (target === undefined) throw new Error(`No worker target matches ${workerUrl}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });

  let nextId = 0;
  /** @type {Map<number, (message: any) => void>} */
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  /** @param {string} method */
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result)));
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });
  /** @returns {Promise<number>} */
  const used = async () => (await call('Runtime.getHeapUsage')).usedSize;
  const live = async () => {
    await call('HeapProfiler.collectGarbage');
    return used();
  };

  let peak = 0;
  let peakAt = 0;
  let last = 0;
  let maxLive = 0;
  let samples = 0;
  let started = 0;
  /** @type {NodeJS.Timeout | null} */
  let timer = null;
  let inFlight = false;
  const sample = async () => {
    if (inFlight) return;
    inFlight = true;
    try {
      last = await used();
      samples++;
      if (last > peak) {
        peak = last;
        peakAt = performance.now();
      }
    } catch {
      // The worker may be gone at the very end: a lost sample changes nothing.
    } finally {
      inFlight = false;
    }
  };

  /** @param {number} liveBytes */
  const reading = (liveBytes) => {
    maxLive = Math.max(maxLive, liveBytes);
    const peakAtS = (peakAt - started) / 1000;
    return { liveBytes, peakBytes: peak, peakAtS, maxLiveBytes: maxLive, samples };
  };

  return {
    /** The latest sample while sampling, else null. */
    latest: () => (timer === null ? null : last),
    /** Live heap now; starts sampling the peak. */
    async begin() {
      const liveBytes = await live();
      started = peakAt = performance.now();
      peak = maxLive = liveBytes;
      samples = 0;
      timer = setInterval(sample, SAMPLE_EVERY_MS);
      return reading(liveBytes);
    },
    /** A live reading while sampling goes on: a GC first, then the heap. */
    async live() {
      await sample();
      return reading(await live());
    },
    /** Stops sampling: the peak since begin, then the live heap after a GC. */
    async end() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      await sample();
      return reading(await live());
    },
    async close() {
      if (timer !== null) clearInterval(timer);
      await cdp.detach().catch(() => undefined);
    },
  };
}
