import { type RefObject, useCallback, useEffect, useState } from 'react';

export interface VirtualWindow {
  first: number;
  last: number;
  onScroll(): void;
}

/**
 * Which rows of a fixed-row-height list are on screen (plus a few either side): only those are rendered, so
 * 50,000 conversations cost as much as 20.
 */
export function useVirtualWindow(
  container: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 6,
): VirtualWindow {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    setHeight(element.clientHeight || 800);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 800));
    observer.observe(element);
    return () => observer.disconnect();
  }, [container]);

  const onScroll = useCallback(() => setScrollTop(container.current?.scrollTop ?? 0), [container]);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last, onScroll };
}
