/**
 * A component whose code loads on first use: `load` is a dynamic import, so the part gets its
 * own chunk and the first screen does not wait for it. Until it has loaded, a `LoadingLine`
 * with `fallbackClass` holds its place.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingLine } from './LoadingLine';

export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallbackClass?: string,
): ComponentType<P> {
  const Loaded = lazy(() => load().then((component) => ({ default: component })));
  function LazyPart(props: P) {
    return (
      <Suspense fallback={<LoadingLine className={fallbackClass} />}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}
