import { useState } from 'react';
import { createSingleFlight, type SingleFlight } from './singleFlight';

/**
 * `run(task)` ignores calls while a task is running (synchronously, so even two clicks in the same
 * frame send one request); `pending` is for disabling the buttons.
 */
export function useSingleFlight(): { run: SingleFlight['run']; pending: boolean } {
  const [pending, setPending] = useState(false);
  const [flight] = useState(() => createSingleFlight(setPending));
  return { run: flight.run, pending };
}
