/**
 * Which exclusion constraint of `bookings` refused a write (migration 20261208000000_bookings), or
 * null for any other error: 'resource' — the venue or car is held then; 'driver' — the driver is.
 * Through the pg driver adapter the PostgreSQL error (23P01) arrives as the error's cause.
 */
export function bookingConflict(error: unknown): 'resource' | 'driver' | null {
  const cause = (error as { cause?: { originalCode?: string; originalMessage?: string } } | null)?.cause;
  if (cause?.originalCode !== '23P01') return null;
  return cause.originalMessage?.includes('bookings_driver_no_overlap') ? 'driver' : 'resource';
}
