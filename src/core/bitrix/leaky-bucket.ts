// The leaky bucket Bitrix24 uses per portal: each request adds one unit, the bucket drains at a fixed rate, and a
// request that would overflow it is refused (portal) or must wait (client). Shared by the client and the demo portal.

export interface BucketFigures {
  drainPerSecond: number
  burst: number
}

export class LeakyBucket {
  private level = 0
  private updatedAt: number

  constructor(
    public figures: BucketFigures,
    now: number,
  ) {
    this.updatedAt = now
  }

  /** The level at `now`; may exceed the burst while reservations are queued. */
  levelAt(now: number): number {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000
    this.level = Math.max(0, this.level - elapsedSeconds * this.figures.drainPerSecond)
    this.updatedAt = Math.max(this.updatedAt, now)
    return this.level
  }

  /** Portal side: adds a request if it fits, else refuses it. */
  tryAdd(now: number): boolean {
    if (this.levelAt(now) + 1 > this.figures.burst + 1e-9) return false
    this.level += 1
    return true
  }

  /**
   * Client side: reserves a slot at once and says how long to wait (ms) until it may be used without the level
   * exceeding `capacity`. Later reservations queue behind earlier ones.
   */
  reserve(now: number, capacity: number): number {
    const level = this.levelAt(now)
    const waitMs = Math.max(0, ((level + 1 - capacity) / this.figures.drainPerSecond) * 1000)
    this.level += 1
    return waitMs
  }

  /** Gives back a reservation that was not used (its caller gave up while waiting). */
  release(now: number): void {
    this.levelAt(now)
    this.level = Math.max(0, this.level - 1)
  }

  /** Treats the bucket as full from now on. */
  fill(now: number): void {
    this.level = Math.max(this.levelAt(now), this.figures.burst)
  }
}
