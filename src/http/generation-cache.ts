// Answers kept in memory until their data changes, for the showcase pages and the public recap.
// Each entry belongs to one generation of its data (services/showcase/version.ts): asked for
// with another generation it is gone, never served. Bounded by entries and bytes; the least
// recently used leave first. `limits` is read on every put, so a test may lower it.

export class GenerationCache<E extends { generation: number }> {
  readonly entries = new Map<string, E>();
  bytes = 0;
  constructor(
    private readonly sizeOf: (entry: E) => number,
    private readonly limits: { entries: number; bytes: number },
  ) {}

  /** The entry kept under `key` while it is of `generation`. */
  get(key: string, generation: number): E | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.generation !== generation) {
      this.bytes -= this.sizeOf(entry);
      return undefined;
    }
    // Recently used: to the end of the insertion order.
    this.entries.set(key, entry);
    return entry;
  }

  put(key: string, entry: E) {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= this.sizeOf(old);
    }
    this.entries.set(key, entry);
    this.bytes += this.sizeOf(entry);
    // Entries of an older generation are never served again; they leave as the least recently used.
    while (this.entries.size > this.limits.entries || this.bytes > this.limits.bytes) {
      const [oldKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldKey);
      this.bytes -= this.sizeOf(oldest);
    }
  }
}
