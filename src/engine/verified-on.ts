/**
 * Where the rules' lock claims were last verified by the test suite (the
 * verified-claims test checks that these match the engines it ran on).
 */
export const LOCKS_VERIFIED_ON = {
  /** The embedded PostgreSQL every test run uses. */
  pglite: 'PostgreSQL 18.7 (PGlite 0.5.17)',
  /** The PostgreSQL server CI installs, major version. */
  server: 'PostgreSQL 15',
};
