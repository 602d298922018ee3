import { createRequire } from 'node:module';
import { extractHtml } from './extractors/html/index.js';
import { bigPage } from './scripts/html-fixtures.js';
const require = createRequire(import.meta.url);
const cheerio = require('cheerio');
const b = bigPage().html;
for (let k = 0; k < 2; k++) {
let t0 = performance.now(); cheerio.load(b, { sourceCodeLocationInfo: true }); const a = performance.now() - t0;
t0 = performance.now(); cheerio.load(b); const a2 = performance.now() - t0;
t0 = performance.now(); extractHtml(b); const c = performance.now() - t0;
console.log('load+loc', a.toFixed(0), 'load', a2.toFixed(0), 'extractHtml', c.toFixed(0));
}
