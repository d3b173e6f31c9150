/**
 * Environment variables without assuming Node: browsers and edge runtimes have no `process`, and
 * Deno throws when env access is not permitted. Either way the answer is "not set".
 */
interface EnvHost {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get?: (name: string) => string | undefined } };
}

/** The trimmed value of an environment variable, or undefined when unset, empty or unreadable. */
export function readEnv(name: string): string | undefined {
  const host = globalThis as EnvHost;
  try {
    const value = host.process?.env?.[name] ?? host.Deno?.env?.get?.(name);
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  } catch {
    return undefined;
  }
}
