import { describe, expect, it, vi } from 'vitest';
import { createSingleFlight } from './singleFlight';

describe('single flight', () => {
  it('runs one task at a time and ignores calls made meanwhile', async () => {
    const onChange = vi.fn();
    const flight = createSingleFlight(onChange);
    let release: (value: string) => void = () => undefined;
    const task = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));

    const first = flight.run(task);
    const second = flight.run(task);
    expect(flight.busy).toBe(true);
    expect(await second).toBeUndefined();
    release('done');
    expect(await first).toBe('done');
    expect(task).toHaveBeenCalledTimes(1);
    expect(flight.busy).toBe(false);
    expect(onChange.mock.calls).toEqual([[true], [false]]);
  });

  it('is free again after a failure', async () => {
    const flight = createSingleFlight();
    await expect(flight.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(flight.busy).toBe(false);
    expect(await flight.run(() => Promise.resolve(1))).toBe(1);
  });
});
