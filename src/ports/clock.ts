export interface Clock {
  now(): Date;
}

/** A clock tests and the console move by hand, so a month of nudges runs in seconds. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date) {
    this.current = start.getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date): void {
    this.current = to.getTime();
  }
  moveTo(to: Date): void {
    this.current = Math.max(this.current, to.getTime());
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Real time plus an offset that only grows: the console's clock, which `:advance` moves on. */
export class ShiftedClock implements Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  /** Moves the clock to `to` if that is later than now. */
  moveTo(to: Date): void {
    this.offset = Math.max(this.offset, to.getTime() - Date.now());
  }
}

/** A clock that can be moved forward: what `runUntil` needs. */
export interface MovableClock extends Clock {
  moveTo(to: Date): void;
}

/** The real time: what a deployed Setwise runs on. */
export const systemClock: Clock = { now: () => new Date() };
