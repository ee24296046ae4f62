import { PerformanceObserver } from 'node:perf_hooks';

// Time in garbage collection from now on, by kind (scavenge / mark-compact), for diagnosis.
// GC entries arrive asynchronously: read the figures after the measured synchronous run has
// yielded (a setTimeout), then stop.

export function gcTime(): { stop(): { gcMinorMs: number; gcMajorMs: number } } {
  const gc = { minorMs: 0, majorMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === 1) gc.minorMs += e.duration; else gc.majorMs += e.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: () => {
      observer.disconnect();
      return { gcMinorMs: Math.round(gc.minorMs), gcMajorMs: Math.round(gc.majorMs) };
    },
  };
}
