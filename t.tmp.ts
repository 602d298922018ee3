import { extractHtml } from './extractors/html/index.js';
const html = `<html><head><title>Jaarstukken 2023</title><script>var x = "<table>";</script></head><body>
<h1>6 Sociaal domein</h1><h2>Wat heeft het gekost?</h2><p>Bedragen x 1.000</p>
<table><thead><tr><th rowspan=2>6 Sociaal domein</th><th colspan=2>Begroting 2023</th><th rowspan=2>Rekening 2023</th><th rowspan=2>Verschil</th></tr>
<tr><th>primitief</th><th>gewijzigd</th></tr></thead>
<tbody><tr><td>Baten</td><td>-1.234</td><td>&minus;1.234</td><td>(1.234)</td><td>- 1.234</td></tr>
<tr><td>Lasten<span class="sr-only">(in euro)</span></td><td>1&nbsp;234</td><td>—</td><td></td><td>5<sup>2</sup></td></tr>
<tr><td>short</td><td>1</td><td>2</td></tr>
</tbody></table><p><sup>2</sup> Voorlopig.</p>
<div class="t"><div class="r"><div>Beleidsindicatoren</div><div>Werkelijk 2022</div><div>Werkelijk 2023<sup>1</sup></div></div>
<div class="r"><div>Aantal</div><div>12,5%</div><div>324<sup>3</sup></div></div></div>
<dl><dt>Naam</dt><dd>2022</dd><dd>2023</dd><dt>X</dt><dd>1.000</dd><dd>2.000</dd></dl>
</body></html>`;
const ex = extractHtml(html);
console.log(JSON.stringify(ex, (k, v) => (k === 'source' ? `${v.path}@${v.row},${v.column}` : v), 1).slice(0, 6000));
