/**
 * The simulator's notion of "now" for message lifecycles, imports and activity dates.
 * - virtual: frozen at start; moves only through `advance` (deterministic tests);
 * - real: wall-clock time; `advance` still adds an offset (skip ahead in a demo).
 * Rate limiting does not use this clock: it throttles real request rates.
 */
export type ClockMode = "virtual" | "real";

export class SimClock {
  private offsetMs = 0;
  private readonly frozenAt: number;

  constructor(readonly mode: ClockMode, start: number = Date.now()) {
    this.frozenAt = start;
  }

  now(): number {
    return (this.mode === "virtual" ? this.frozenAt : Date.now()) + this.offsetMs;
  }

  advance(seconds: number): number {
    if (!(Number.isFinite(seconds) && seconds >= 0)) throw new RangeError("advance takes seconds >= 0");
    this.offsetMs += seconds * 1000;
    return this.now();
  }
}

/** `YYYY-MM-DDTHH:mm:ss` in UTC, the format of activityDateTime in eSputnik's activity feed. */
export function formatApiDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
