import { processText } from './helpers.js';
const text = process.argv[2].replace(/\\n/g, '\n');
const d = processText(text);
for (const f of d.findings) console.log(f.rule, f.severity, f.line, JSON.stringify(f.row), JSON.stringify(f.column), f.message);
for (const f of d.indicators) console.log(f.provenance.line, f.name, f.columnHeader, f.value, f.referenceYear, f.reading ?? 'grammar', JSON.stringify(f.provenance.raw));
