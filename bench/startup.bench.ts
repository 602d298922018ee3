/**
 * Start-up section of `npm run bench` (issue 14): wall time of `klopt --help` and `klopt rules`
 * as users start them (bin/klopt.js, which runs the compiled dist/; `npm run bench` builds it
 * first), beside a bare `node -e 0` so a loaded machine shows as such. Target: well under 0.5 s.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'klopt.js');
const RUNS = 10;

function time(args: string[]): { median: number; best: number } {
  const seconds: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    seconds.push((performance.now() - t0) / 1000);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  }
  seconds.sort((a, b) => a - b);
  return { median: seconds[RUNS >> 1], best: seconds[0] };
}

const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(', ');
console.log(`start-up, ${RUNS} runs each (median, best); ${availableParallelism()} cores, load average ${load}`);
for (const [what, args] of [
  ['node -e 0 (bare Node, for scale)', ['-e', '0']],
  ['klopt --help', [BIN, '--help']],
  ['klopt rules', [BIN, 'rules']],
] as const) {
  const { median, best } = time([...args]);
  const target = what.startsWith('klopt') ? ` (target < 0.5 s: ${median < 0.5 ? 'met' : 'NOT met'})` : '';
  console.log(`  ${what.padEnd(34)} ${median.toFixed(3)} s, best ${best.toFixed(3)} s${target}`);
}
