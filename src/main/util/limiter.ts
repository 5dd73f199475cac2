/** Runs at most `max` tasks at once; the rest wait their turn in order. */
export function createLimiter(max: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  // A finishing task hands its slot straight to the next waiter, so `active` never exceeds `max`.
  const release = () => {
    const waiter = queue.shift();
    if (waiter) waiter();
    else active--;
  };
  return async function limit<T>(task: () => Promise<T>): Promise<T> {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
