/**
 * ICU loads its data for Thai once per process, for whichever thread asks first: the collator that sorts
 * a folder's files, the word segmenter of names, the amounts' number format. On the main thread that was
 * tens of milliseconds at each first use, on the run's critical path. The fetching thread asks first,
 * while the main thread is still loading its modules (started with the command: fetcher.ts), so the
 * main thread finds the data loaded.
 */
export function warmIcu(): void {
  new Intl.Collator('th').compare('ก', 'ข');
  for (const word of new Intl.Segmenter('th', { granularity: 'word' }).segment('โครงการก่อสร้างถนน')) void word;
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(1.5);
}
