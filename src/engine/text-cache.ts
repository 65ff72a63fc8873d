/**
 * A bounded cache of results per text that admits a text only when it is seen again (by default the
 * second time; `admitAt` = 3 for a cache that one pass asks twice per text).
 *
 * Plan texts split in two: objectives, agencies, chunks like "ก่อสร้างถนน" repeat thousands of times,
 * while most project names are unique. Caching every name made each cached result live long enough
 * to be promoted to V8's old generation, then dropped when the cache filled: at a million rows that
 * garbage (not the live data) drove peak memory. A first sighting now only remembers the key (the
 * caller's own string, no new objects), so results of one-off texts die young.
 */
export class TextCache<V> {
  private readonly hits = new Map<string, V>();
  /** Sightings of texts not admitted yet. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly admitAt = 2,
  ) {}

  get(key: string): V | undefined {
    return this.hits.get(key);
  }

  /** Remembers `value` once `key` has been offered `admitAt` times. */
  offer(key: string, value: V): void {
    const n = (this.seen.get(key) ?? 0) + 1;
    if (n >= this.admitAt || this.hits.has(key)) {
      this.seen.delete(key);
      if (this.hits.size >= this.max) this.hits.clear();
      this.hits.set(key, value);
      return;
    }
    if (this.seen.size >= this.max) this.seen.clear();
    this.seen.set(key, n);
  }

  clear(): void {
    this.hits.clear();
    this.seen.clear();
  }

  get size(): number {
    return this.hits.size;
  }
}
