/** Fixed-width 32-byte slots in one growable buffer: a million hashes without a million objects. */
export class HashArray {
  #buf: Buffer;
  length: number;

  /** An empty row, or one holding `bytes` (a multiple of 32) as loaded from a tree file. */
  constructor(bytes?: Uint8Array) {
    const length = bytes ? bytes.length / 32 : 0;
    if (!Number.isInteger(length)) throw new RangeError(`${bytes?.length} bytes are not whole hashes`);
    // Room to grow without copying at once on the first append after a load; unzeroed, since
    // nothing past `length` is ever read (zeroing 64 MB at 1,000,000 leaves costs a start ~0.1 s).
    this.#buf = Buffer.allocUnsafe(Math.max(32 * 1024, 32 * length * 2));
    if (bytes) this.#buf.set(bytes);
    this.length = length;
  }

  push(hash: Uint8Array): void {
    if ((this.length + 1) * 32 > this.#buf.length) {
      const bigger = Buffer.alloc(this.#buf.length * 2);
      this.#buf.copy(bigger);
      this.#buf = bigger;
    }
    this.#buf.set(hash, this.length * 32);
    this.length++;
  }

  get(i: number): Buffer {
    return this.#buf.subarray(i * 32, i * 32 + 32);
  }

  /** The hashes from `from` up to (not including) `to`, as a view of the row. */
  bytes(from: number, to: number): Buffer {
    return this.#buf.subarray(from * 32, to * 32);
  }
}
