import { useEffect, useState } from 'react';
import { secondsUntil } from './countdown';

/** Seconds left until `target` (epoch ms), re-rendering once a second until it reaches 0. */
export function useCountdown(target: number | null): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (target === null) return undefined;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (current >= target) clearInterval(interval);
    };
    // Every second, and once at once: the stored clock may be old.
    const interval = setInterval(tick, 1000);
    const first = setTimeout(tick, 0);
    return () => {
      clearTimeout(first);
      clearInterval(interval);
    };
  }, [target]);

  return secondsUntil(target, now);
}
