import html
TOT=' class="totaal"'
def page(title, gemeente, sentence, body):
    return f'''<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>{html.escape(title)} - {gemeente}</title>
</head>
<body>
  <main>
  <h1>{html.escape(title)}</h1>
  <p>{html.escape(sentence)}</p>
{body}
  </main>
</body>
</html>
'''
lines=open('real-pages/berg-en-dal-jaarstukken-2019-verplichte-beleidsindicatoren.txt').read().split('\n')
rows=[]
for l in lines[3:]:
    if '|' not in l: continue
    cells=[c.strip() for c in l.split('|')]
    while cells and cells[-1]=='': cells.pop()
    if len(cells)==1:
        rows.append(f'      <tr class="indicator"><td colspan="4"><strong>{html.escape(cells[0])}</strong></td></tr>')
    elif cells[0].endswith(':'):
        rows.append(f'      <tr class="meta"><td>{html.escape(cells[0])}</td><td colspan="3">{html.escape(cells[1])}</td></tr>')
    else:
        rows.append('      <tr>'+''.join(f'<td>{html.escape(c)}</td>' for c in cells)+'</tr>')
body='''  <h2>Beleidsindicatoren</h2>
  <table class="indicatoren">
    <thead>
      <tr><th>Indicator</th><th>Rekening 2018</th><th>Begroting 2019</th><th>Rekening 2019</th></tr>
    </thead>
    <tbody>
'''+'\n'.join(rows)+'''
    </tbody>
  </table>'''
open('real-pages-html/berg-en-dal-jaarstukken-2019-verplichte-beleidsindicatoren.html','w').write(page('Beleidsindicatoren','Berg en Dal','Deze pagina toont de verplichte beleidsindicatoren met cijfers van gemeente, provincie en Nederland.',body))

lines=open('real-pages/schouwen-duiveland-begroting-2025-belastingopbrengsten.txt').read().split('\n')
i=[k for k,l in enumerate(lines) if l.startswith('Belastingopbrengsten (in €)')][0]
rows=[]
for l in lines[i+1:]:
    if not l.strip(): break
    parts=l.split(' ')
    vals=parts[-6:]; label=' '.join(parts[:-6])
    b = label.startswith('Totaal')
    td=(lambda t: f'<td><strong>{t}</strong></td>') if b else (lambda t: f'<td>{t}</td>')
    rows.append(f'      <tr{TOT if b else ""}>'+td(html.escape(label))+''.join(td(v) for v in vals)+'</tr>')
body='''  <h2>1.3 GERAAMDE INKOMSTEN</h2>
  <p>De volgende tabel geeft de geraamde belastingopbrengsten per jaar.</p>
  <table>
    <thead>
      <tr><th>Belastingopbrengsten (in €)</th><th>Realisatie 2023</th><th>Begroting 2024</th><th>Begroting 2025</th><th>Begroting 2026</th><th>Begroting 2027</th><th>Begroting 2028</th></tr>
    </thead>
    <tbody>
'''+'\n'.join(rows)+'''
    </tbody>
  </table>
  <h2>1.4 BELEIDSVOORNEMENS PER HEFFING</h2>
  <p>Deze alinea licht de tariefaanpassingen per heffing toe.</p>'''
open('real-pages-html/schouwen-duiveland-begroting-2025-belastingopbrengsten.html','w').write(page('Paragraaf 1 Lokale heffingen','Schouwen-Duiveland','De paragraaf geeft inzicht in de opbrengsten en de lastendruk van de heffingen.',body))

def trow(label, vals, bold=False):
    td=(lambda t: f'<td><strong>{t}</strong></td>' if t else '<td></td>') if bold else (lambda t: f'<td>{t}</td>')
    return f'      <tr{TOT if bold else ""}>'+td(label)+''.join(td(v) for v in vals)+'</tr>'
yrs=['2019','2020','2021','2022','2023','2024']
t0=[trow('Lasten','14.366 15.008 14.822 14.310 14.312 14.280'.split()),trow('Baten','1.315 2.743 1.280 1.440 1.440 1.440'.split()),trow('Saldo','13.051 12.266 13.543 12.871 12.873 12.840'.split(),True)]
lines=open('real-pages/tiel-begroting-2021-overhead.txt').read().split('\n')
i=[k for k,l in enumerate(lines) if l.strip()=='2024'][-1]
cells=[l.strip() for l in lines[i+1:] if l.strip()]
t1=[]; k=0
while k < len(cells) and not cells[k].startswith('Deze pagina'):
    label=cells[k]; vals=[]
    k+=1
    while k < len(cells) and len(vals)<6 and (cells[k][0].isdigit() or cells[k][0]=='-'):
        vals.append(cells[k]); k+=1
    if not vals: vals=['']*6
    t1.append(trow(label, vals, label.startswith('Totaal') or label=='Saldo'))
begroot=''.join(f'<th>begroot<br>{y}</th>' for y in yrs[1:])
yrow=''.join(f'<th>{y}</th>' for y in yrs)
body=f'''  <h2>Algemene baten en lasten</h2>
  <table>
    <thead>
      <tr><th>bedragen x € 1.000</th><th>werkelijk 2019</th>{begroot}</tr>
    </thead>
    <tbody>
''' + '\n'.join(t0) + f'''
    </tbody>
  </table>
  <p>Deze alinea's leggen uit wat overheadkosten zijn; de volgende tabel splitst de overheadkosten uit.</p>
  <h3>Uitsplitsing overheadkosten</h3>
  <table>
    <thead>
      <tr><th rowspan="2">bedragen x € 1.000</th><th>werkelijk</th>{'<th>begroot</th>'*5}</tr>
      <tr>{yrow}</tr>
    </thead>
    <tbody>
''' + '\n'.join(t1) + '''
    </tbody>
  </table>'''
open('real-pages-html/tiel-begroting-2021-overhead.html','w').write(page('Overhead','Tiel','Deel 2: Programmaplan, de overheadkosten en de algemene baten en lasten.',body))
