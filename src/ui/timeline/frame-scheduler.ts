/**
 * Redraws at most once per animation frame, and only the layers something invalidated
 * (excalidraw's throttleRAF, per layer). The frame source is injected so tests can step it.
 */
export interface DirtyLayers {
  static: boolean;
  interactive: boolean;
}

export interface FrameScheduler {
  invalidate(layer: keyof DirtyLayers): void;
  dispose(): void;
}

export function createFrameScheduler(
  draw: (dirty: DirtyLayers) => void,
  requestFrame: (callback: () => void) => number,
  cancelFrame: (handle: number) => void,
): FrameScheduler {
  let dirty: DirtyLayers = { static: false, interactive: false };
  let pending: number | null = null;
  const run = () => {
    pending = null;
    const layers = dirty;
    dirty = { static: false, interactive: false };
    draw(layers);
  };
  return {
    invalidate(layer) {
      dirty[layer] = true;
      if (pending === null) pending = requestFrame(run);
    },
    dispose() {
      if (pending !== null) cancelFrame(pending);
      pending = null;
    },
  };
}
