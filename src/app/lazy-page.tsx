import { lazy, useState, type ComponentType } from 'react';

/** A page whose code is its own chunk, loaded on demand (see AppRoutes). */
export interface LazyPage {
  path: string;
  Component: ComponentType<object>;
  /** Starts loading the chunk (once); resolves when it is in, whether or not it loaded. */
  preload: () => Promise<void>;
}

/**
 * A page chunk as `React.lazy`, but rendered without suspending once its code is in.
 * IMPORTANT: a Suspense boundary that has shown its fallback reveals what a retry brings (a
 * resolved chunk) at least 300 ms after the fallback appeared (React's FALLBACK_THROTTLE_MS, for
 * every retry): the first page of a visit waited for it, ~0.3 s after its chunk and data were in
 * (BBC deep link: story painted at ~515 ms, ~230 ms after its file arrived). So the first page's
 * chunk is loaded before the routes render (AppRoutes) and drawn here directly; a page first met
 * by a navigation still suspends, in the navigation's transition, which keeps the previous page
 * on screen and shows no fallback.
 */
export function lazyPage(path: string, load: () => Promise<ComponentType<object>>): LazyPage {
  let loaded: ComponentType<object> | null = null;
  let loading: Promise<ComponentType<object>> | null = null;
  const start = () => (loading ??= load().then((c) => (loaded = c)));
  const Suspending = lazy(() => start().then((c) => ({ default: c })));
  function Component(props: object) {
    // Decided once per mounted page: switching from the lazy wrapper to the loaded component
    // later would remount the page and lose its state.
    const [Direct] = useState(() => loaded);
    return Direct ? <Direct {...props} /> : <Suspending {...props} />;
  }
  return {
    path,
    Component,
    preload: () =>
      start().then(
        () => undefined,
        () => undefined,
      ),
  };
}
