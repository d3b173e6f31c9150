/**
 * Stands in for an official module this package deliberately does not offer (an internal of the
 * official SDK, or a test-only dependency). It exports nothing: a test that uses a name from it fails,
 * and client-level.test.ts lists that test with its reason.
 */
export {};
