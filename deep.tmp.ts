import { createRequire } from 'node:module';
import { extractHtml } from './extractors/html/index.js';
const require = createRequire(import.meta.url);
const cheerio = require('cheerio');
for (const n of [5000, 10000, 20000]) {
  const deep = '<div>'.repeat(n) + 'diep' + '</div>'.repeat(n);
  let t0 = performance.now(); cheerio.load(deep, { sourceCodeLocationInfo: true }); const a = performance.now() - t0;
  t0 = performance.now(); extractHtml(deep); const b = performance.now() - t0;
  console.log(n, 'load', a.toFixed(0), 'extract', b.toFixed(0));
}
