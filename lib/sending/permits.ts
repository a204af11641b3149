/**
 * A FIFO counting semaphore: at most `size` eSputnik calls of one run in flight, whatever mix of
 * uploads, sends and polls asks for them. `size` 1 makes it a mutex.
 */
export class Permits {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`permits must be a positive integer, got ${size}`);
    this.free = size;
  }

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // Hand the permit straight to the next waiter, so that a newcomer cannot overtake it.
    if (next) next();
    else this.free++;
  }

  async use<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }
}
