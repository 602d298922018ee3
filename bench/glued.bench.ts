/** Glued-row section of `npm run bench`: segmentation speed by row width (issue 3). */
// Glued rows: enumerating the splits the Dutch number grammar allows (issue 3).
const { candidatesOf } = await import('../extractors/text/glued.js');
const { formatDutch } = await import('../src/grammar/number.js');
for (const width of [4, 6, 12]) {
  const tail = Array.from({ length: width }, (_, i) => formatDutch((i % 2 ? 1 : -1) * (i + 1) * 12345)).join('');
  for (let i = 0; i < 50; i++) candidatesOf(tail, width); // warm-up
  const n = 200;
  const t0 = process.hrtime.bigint();
  let candidates = 0;
  for (let i = 0; i < n; i++) candidates = candidatesOf(tail, width)?.length ?? 0;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`glued row of ${String(width).padStart(2)} cells: ${(n / s).toFixed(0)} rows/s (${candidates} grammatical readings)`);
}
