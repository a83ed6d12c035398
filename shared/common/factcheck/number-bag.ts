/** A multiset of numbers answering "is any value within [lo, hi]?" in O(log n), sorting lazily once. */
export class NumberBag {
  private values: number[] = [];
  private sorted = true;

  add(value: number): void {
    if (!Number.isFinite(value)) return;
    this.values.push(value);
    this.sorted = false;
  }

  get size(): number {
    return this.values.length;
  }

  hasInRange(lo: number, hi: number): boolean {
    if (!this.sorted) {
      this.values.sort((a, b) => a - b);
      this.sorted = true;
    }
    let left = 0;
    let right = this.values.length;
    while (left < right) {
      const mid = (left + right) >> 1;
      if ((this.values[mid] as number) < lo) left = mid + 1;
      else right = mid;
    }
    return left < this.values.length && (this.values[left] as number) <= hi;
  }
}
