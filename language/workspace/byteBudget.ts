// Bytes in flight: with hundreds of reads under way (a remote file system, where each read is a
// round trip), their sizes, known from the stat before each read, are held to a budget. A file
// larger than the whole budget is read alone.
export class ByteBudget {
  private used = 0;
  private readonly waiting: { bytes: number; go: () => void }[] = [];

  constructor(private readonly limit: number) {}

  /** Resolves once `bytes` fit; call the returned function when they are no longer held. */
  async take(bytes: number): Promise<() => void> {
    if (!this.fits(bytes)) await new Promise<void>((go) => this.waiting.push({ bytes, go }));
    else this.used += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
      // First come, first served: the head of the queue goes as soon as it fits.
      while (this.waiting.length && this.fits(this.waiting[0]!.bytes)) {
        const next = this.waiting.shift()!;
        this.used += next.bytes;
        next.go();
      }
    };
  }

  private fits(bytes: number): boolean {
    return this.used === 0 || this.used + bytes <= this.limit;
  }
}
