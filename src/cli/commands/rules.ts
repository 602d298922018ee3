import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('rules')
    .description('list every rule with its id, default severity, scope and a one-line description')
    .option('--write-docs <dir>', 'write <dir>/<id>.md for every rule (what, why, example)')
    .action(async (opts: { writeDocs?: string }) => {
      const { rules, ruleMarkdown } = await import('../../reconcile/registry.js');
      if (opts.writeDocs) {
        mkdirSync(opts.writeDocs, { recursive: true });
        for (const r of rules) writeFileSync(join(opts.writeDocs, `${r.id}.md`), ruleMarkdown(r));
        process.stderr.write(`klopt: wrote ${rules.length} rule docs to ${opts.writeDocs}\n`);
        return;
      }
      for (const r of rules)
        process.stdout.write(
          `${r.id.padEnd(22)} ${r.severity.padEnd(8)} ${r.scope.padEnd(9)} ` +
            `${r.docs.description.split(/\.\s/)[0].replace(/\.$/, '')}.\n`,
        );
    });
}
