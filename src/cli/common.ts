/**
 * What the CLI commands declare with: version, exit codes, shared options. Light on purpose:
 * every start of klopt loads it (even --help), so it imports no reader, store or report;
 * what the commands share when they run is in output.ts, loaded by their actions.
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_MAX_BYTES } from '../pipeline/input.js';
import { UsageError } from '../pipeline/files.js';
import type { Severity } from '../../schemas/index.js';
import { fromRoot } from '../root.js';

export const VERSION = (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, findings: 1, usage: 2, unreadableFiles: 3, busy: 4 } as const;

/** A commander parser for a whole number ≥ 0 (a NaN wait would wait forever). */
export const positiveInt = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${what} must be a whole number ≥ 0`);
  return n;
};

export type FailOn = Severity | 'never';

/** Options every command that reads documents takes (hostile input: size limit, manifest paths). */
export interface InputOptions {
  maxBytes: number;
  allowOutsideManifest?: boolean;
}
export const inputOptions = (cmd: Command) =>
  cmd
    .addOption(
      new Option('--max-bytes <n>', 'refuse files larger than this many bytes')
        .default(DEFAULT_MAX_BYTES)
        .argParser(parseByteCount),
    )
    .option('--allow-outside-manifest', "let manifest entries name files outside the manifest's directory");
function parseByteCount(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new UsageError(`--max-bytes: "${value}" is not a positive whole number of bytes`);
  return n;
}

/** --config and --rule, for the commands that run rules (configFrom in corpus.ts reads them). */
export function addConfigOptions(cmd: Command): Command {
  return cmd
    .option(
      '--config <file>',
      'klopt.config.json with rule severities and materiality (default: ./klopt.config.json if present)',
    )
    .addOption(
      new Option('--rule <id=severity...>', 'override a rule: <id>=error|warning|info|off (repeatable)').default([]),
    );
}

export const formatOption = () =>
  new Option('--format <format>', 'output format').choices(['json', 'csv', 'md', 'html']);
export const failOnOption = (dflt: FailOn) =>
  new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists')
    .choices(['error', 'warning', 'info', 'never'])
    .default(dflt);
