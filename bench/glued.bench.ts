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
  console.log(
    `glued row of ${String(width).padStart(2)} cells: ${(n / s).toFixed(0)} rows/s (${candidates} ` +
      `grammatical readings)`,
  );
}

// Glued indicator rows (Hengelo begroting 2019): every label boundary and every reading the grammar allows.
const { readIndicatorRow } = await import('../extractors/text/glued-indicators.js');
const INDICATOR_ROWS: [string, number][] = [
  ['% scholieren dat kiest voor een technisch profiel23,5%23,8%24%24%24%24%', 6],
  ['aantal gestarte schuldhulpverleningstrajecten\u00a0591620\u00a0640\u00a0640\u00a0640\u00a0640\u00a0', 6],
  [
    'Aantal unieke cliënten die binnen een kalenderjaar een Wmo-voorziening hebben ' +
      'gehad\u00a06.3626.3886.400\u00a0\u00a06.4006.400\u00a06.400\u00a0',
    6,
  ],
  ['Aantal banen (per 1000 inwoners in de leeftijd 15-64 jaar)884,2868,8 (2016)910,1 (2017)', 3],
  ['Banen per 1000 inwoners 15-64884,2868,8 (2016)910,1 (2017)', 3],
  // twelve cells: percentages (cut by their %), and plain counts glued without a space (worst case)
  ['% ouderen dat aangeeft matig tot zeer eenzaam te zijn' + '47%'.repeat(12), 12],
  ['Ingekochte re-integratietrajecten' + '212300'.repeat(6), 12],
];
for (const [row, width] of INDICATOR_ROWS) {
  for (let i = 0; i < 20; i++) readIndicatorRow(row, width); // warm-up
  const n = 200;
  const t0 = process.hrtime.bigint();
  let result: ReturnType<typeof readIndicatorRow> = null;
  for (let i = 0; i < n; i++) result = readIndicatorRow(row, width);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const how =
    result === null
      ? 'no reading'
      : result === 'too-many'
        ? 'too many readings to list'
        : `${result.labels.length} label boundaries, ${result.readings.length} readings`;
  console.log(
    `glued indicator row (${width} cells, ${row.slice(0, 28).trim()}…): ${(n / s).toFixed(0)} rows/s (${how})`,
  );
}
