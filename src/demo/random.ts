/**
 * A small seeded random source, so the demonstration data is the same on every machine and every run
 * (mulberry32: fast, 32-bit state, good enough for made-up households; not for anything secret).
 */
export class SeededRandom {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer from min to max inclusive. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('cannot pick from an empty list')
    return item
  }

  /** Picks a key of `weights` in proportion to its weight (weights need not add up to anything). */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    const entries = (Object.entries(weights) as [K, number | undefined][]).map(([key, weight]): [K, number] => [key, weight ?? 0])
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
    let point = this.next() * total
    for (const [key, weight] of entries) {
      point -= weight
      if (point < 0) return key
    }
    const last = entries.at(-1)
    if (!last) throw new Error('cannot pick from no weights')
    return last[0]
  }

  /** Each key independently, with its own probability. */
  each<K extends string>(probabilities: Readonly<Record<K, number>>): K[] {
    return (Object.entries(probabilities) as [K, number][]).filter(([, p]) => this.chance(p)).map(([key]) => key)
  }

  /** A version 4 UUID drawn from this source, so rows can refer to each other before they are stored. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.between(0, 15).toString(16))
    hex[12] = '4'
    hex[16] = (8 + this.between(0, 3)).toString(16)
    const s = hex.join('')
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
  }
}
