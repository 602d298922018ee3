/** Builds dist/ unless it is up to date; returns whether it built. Throws when tsc fails. */
export function build(options?: { force?: boolean; quiet?: boolean }): boolean;
