/**
 * What a run covers: the files named by paths, directories, globs and a manifest, each once, in a
 * stable order, and the scopes they came from (to tell which recorded files were removed).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { collectInputs, isReadableExtension, UsageError } from '../pipeline/files.js';
import { manifestNear, readManifest, type ManifestEntry, type ManifestOptions } from '../pipeline/metadata.js';

/** A recorded file inside a scope that this run did not find was removed (or left the scope). */
export type Scope = { kind: 'dir'; path: string } | { kind: 'file'; path: string } | { kind: 'glob'; pattern: string };

export interface Inputs {
  /** Absolute paths, in the order given (directories and globs sorted within). */
  files: string[];
  /** Manifest entries by absolute path. */
  manifest: Map<string, ManifestEntry>;
  scopes: Scope[];
}

/**
 * `paths` may be files, directories or glob patterns (quoted, so the shell leaves them alone;
 * a glob, like a directory, yields only the extensions klopt reads);
 * a manifest adds the files it lists, and gives their metadata. A file listed in the manifest but
 * missing is kept as an input: it fails, and is reported, rather than stopping the run.
 */
export function resolveInputs(paths: string[], manifestPath?: string, manifestOptions: ManifestOptions = {}): Inputs {
  if (paths.length === 0 && !manifestPath)
    throw new UsageError('nothing to ingest: name files, directories, globs or --manifest');
  const files = new Set<string>();
  const scopes: Scope[] = [];
  for (const p of paths) {
    if (!existsSync(p) && isDynamicPattern(p)) {
      const pattern = resolve(p).split(sep).join('/');
      const matches = globSync(pattern, { absolute: true, onlyFiles: true, followSymbolicLinks: true })
        .map((m) => resolve(m))
        .filter((m) => isReadableExtension(extensionOf(m))) // as in a directory: `data/**` skips manifest.csv
        .sort();
      if (matches.length === 0) throw new UsageError(`${p}: no file matches this pattern`);
      for (const m of matches) files.add(m);
      scopes.push({ kind: 'glob', pattern });
      continue;
    }
    for (const f of collectInputs([p])) files.add(f); // throws a UsageError naming a missing path
    const abs = resolve(p);
    scopes.push(statSync(abs).isDirectory() ? { kind: 'dir', path: abs } : { kind: 'file', path: abs });
  }
  const manifest = new Map<string, ManifestEntry>();
  if (manifestPath) {
    if (!existsSync(manifestPath)) throw new UsageError(`${manifestPath}: no such manifest`);
    let listed: Map<string, ManifestEntry>;
    try {
      listed = readManifest(manifestPath, manifestOptions);
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    for (const [abs, entry] of listed) {
      manifest.set(abs, entry);
      if (!files.has(abs)) {
        files.add(abs);
        scopes.push({ kind: 'file', path: abs });
      }
    }
  }
  // Without an explicit manifest, the manifest.csv beside each file gives its metadata.
  if (!manifestPath) {
    const near = new Map<string, string | null>();
    for (const f of files) {
      const dir = dirname(f);
      if (!near.has(dir)) near.set(dir, manifestNear(f));
    }
    for (const m of new Set(near.values())) {
      if (!m) continue;
      try {
        for (const [abs, entry] of readManifest(m, manifestOptions)) manifest.set(abs, entry);
      } catch (e) {
        throw new UsageError(e instanceof Error ? e.message : String(e));
      }
    }
  }
  return { files: [...files], manifest, scopes };
}

const extensionOf = (p: string) => /\.[^./\\]+$/.exec(p)?.[0].toLowerCase() ?? '';

/** Whether a recorded path falls in what this run was asked to look at. */
export function inScope(path: string, scopes: Scope[]): boolean {
  const posix = path.split(sep).join('/');
  return scopes.some((s) =>
    s.kind === 'dir'
      ? path.startsWith(s.path.endsWith(sep) ? s.path : s.path + sep)
      : s.kind === 'file'
        ? path === s.path
        : picomatch.isMatch(posix, s.pattern),
  );
}
