/**
 * A bounded map in least-recently-used order. When over `max`, the oldest entries that `canEvict` allows are
 * removed and `onEvict` is called for each (e.g. to delete a job's temp directory).
 */
export class LruStore<K, V> {
  private readonly map = new Map<K, V>();
  constructor(
    private readonly max: number,
    private readonly onEvict: (key: K, value: V) => void,
    private readonly canEvict: (value: V) => boolean = () => true,
  ) {
    if (!(max >= 1)) throw new RangeError('LruStore max must be >= 1');
  }

  get size(): number {
    return this.map.size;
  }

  /** Read and mark as recently used. */
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  /** Read without changing the order. */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    this.trim();
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }

  /** Evict until within bounds, skipping entries that cannot be evicted yet (running jobs). */
  trim(): void {
    if (this.map.size <= this.max) return;
    for (const [k, v] of this.map) {
      if (this.map.size <= this.max) break;
      if (!this.canEvict(v)) continue;
      this.map.delete(k);
      this.onEvict(k, v);
    }
  }

  /** Remove everything, calling onEvict for each. */
  clear(): void {
    const entries = [...this.map];
    this.map.clear();
    for (const [k, v] of entries) this.onEvict(k, v);
  }
}
