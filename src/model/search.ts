/** Index of the last item starting at or before `offset` in items sorted by start (binary search), or -1. */
export function lastStartingAtOrBefore(items: readonly { readonly start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
