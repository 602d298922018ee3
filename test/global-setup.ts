/**
 * Builds dist/ once before the tests (a no-op when it is up to date): the CLI tests spawn
 * bin/klopt.js, which runs the compiled code, and must never run a build older than the sources.
 */
import { build } from '../scripts/build.mjs';

export default function setup(): void {
  build();
}
