/**
 * Why an executed example failed, from what the run observed: the runner's error (with what the
 * official SDK's method takes, read from the SDK itself at the moment of the failure) and the
 * requests the proxy saw (Prism's status and violations). One of four causes:
 * - `spec`: a lint finding on the operation explains Prism's rejection or response (prism-report's
 *   rules, shared with the TypeScript and curl suites);
 * - `sdk`: the official SDK release lacks the operation or shapes it differently from the spec (it
 *   takes the body whole under one name, renamed a field, returns a list as one model, cannot encode
 *   a form body, sends JSON where the spec takes a form); for JavaScript the SDK is the generated
 *   package, so a fault there counts as ours (`docs`);
 * - `mock`: Prism cannot accept any request for the operation;
 * - `docs`: anything else, i.e. the example itself (a field spelled unlike the SDK, a wrong accessor,
 *   an example that made no request): the target is none.
 */
import { readFileSync } from 'node:fs';
import { classify as classifyPrism } from '../../../support/prism-report.ts';
import type { Outcome, ParamsSeen } from './batch.ts';
import type { Example } from './examples.ts';
import type { RecordedRequest } from './proxy.ts';

export type Cause = 'spec' | 'sdk' | 'mock' | 'docs';

export interface Verdict {
  passed: boolean;
  cause?: Cause;
  why?: string;
}

interface Accepted {
  name: string;
  required: boolean;
  positional: boolean;
}
interface Evidence {
  type: string;
  message: string;
  at?: string;
  cause?: string;
  accepts?: Accepted[];
  params?: ParamsSeen[];
}

/** "METHOD /path" -> `client.a.b.m` from an official SDK's api.md (the method index). */
export function accessorsFromApiMd(file: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of readFileSync(file, 'utf8').matchAll(
    /<code title="(\w+) ([^"]+)">(client\.[\w.]+)<a [^>]*>(\w+)<\/a>/g,
  ))
    map.set(`${m[1].toUpperCase()} ${m[2]}`, `${m[3]}${m[4]}`);
  return map;
}

const norm = (name: string) => name.replace(/_/g, '').toLowerCase();
const list = (names: string[]) => names.map((n) => `\`${n}\``).join(', ');

/** For each key the SDK did not take, the field it has under another spelling (`format` -> `format_`). */
export function respellings(unknown: string[], known: string[]): [string, string][] {
  return unknown
    .map((u) => [u, known.find((k) => k !== u && norm(k) === norm(u))] as [string, string | undefined])
    .filter((pair): pair is [string, string] => pair[1] !== undefined);
}

/** A passing example's keys that the official SDK did not take, in words. */
export function ignoredNote(seen: ParamsSeen): string {
  const respelled = respellings(seen.unknown, seen.known);
  const other = seen.unknown.filter((u) => !respelled.some(([r]) => r === u));
  return [
    ...respelled.map(
      ([u, k]) => `\`${u}\` (the official SDK spells it \`${k}\`; it sent the key through unchanged)`,
    ),
    ...(other.length ? [`${list(other)} (not a field of ${seen.model}; sent through unchanged)`] : []),
  ].join('; ');
}

/** The SDK took the keyword arguments differently: a spelling (docs) or a different shape (sdk). */
function argumentVerdict(unknown: string[], known: string[], required: string[]): Verdict {
  const respelled = respellings(unknown, known);
  if (respelled.length)
    return {
      passed: false,
      cause: 'docs',
      why: `the official SDK spells ${respelled.map(([u, k]) => `\`${u}\` as \`${k}\``).join(', ')}`,
    };
  const takes = known.filter((k) => k !== 'request_options');
  const shown = required.filter((k) => takes.includes(k));
  const names = shown.length
    ? `requires ${list(shown)}`
    : `takes ${list(takes.slice(0, 4))}${takes.length > 4 ? ', ...' : ''}`;
  return {
    passed: false,
    cause: 'sdk',
    why: takes.length
      ? `the official SDK's method ${names}, not the spec's body field(s) ${list(unknown)}: it wraps or renames them`
      : `the official SDK's method takes no body fields (the release lacks ${list(unknown)})`,
  };
}

export function classifyExample(
  example: Example,
  outcome: Outcome,
  requests: RecordedRequest[],
  lintRules: Map<string, Set<string>>,
  officialAccessors: Map<string, string>,
): Verdict {
  const official = example.language !== 'javascript';
  const rejected = requests.find(
    (r) => r.status >= 300 || (r.violations ?? []).some((v) => v.location?.[0] !== 'response'),
  );
  if (outcome.ok && !rejected) {
    if (example.kind === 'setup' || requests.length > 0) return { passed: true };
    return { passed: false, cause: 'docs', why: 'the example ran but made no request' };
  }
  const error = (outcome.error ?? { type: 'Error', message: 'failed' }) as Evidence;
  const message = `${error.type}: ${error.message}${error.cause ? ` (cause: ${error.cause})` : ''}`;

  if (official) {
    // Keyword arguments the official SDK's method does not take (Python refuses them, Ruby drops them).
    const kw = /got an unexpected keyword argument '(\w+)'/.exec(error.message);
    if (kw && error.accepts) {
      const keywords = error.accepts.filter((a) => !a.positional);
      return argumentVerdict(
        [kw[1]],
        keywords.map((a) => a.name),
        keywords.filter((a) => a.required).map((a) => a.name),
      );
    }
    const dropped = (error.params ?? []).find((p) => p.unknown.length > 0);
    if (dropped) {
      const keyword = (names: string[]) => names.filter((n) => !(dropped.positional ?? []).includes(n));
      return argumentVerdict(dropped.unknown, keyword(dropped.known), keyword(dropped.required));
    }
    if (/NoMatchingPatternError/.test(error.cause ?? '') && requests.length === 0)
      return {
        passed: false,
        cause: 'sdk',
        why: 'the official SDK release cannot send this form-encoded body (its transport raises NoMatchingPatternError)',
      };
    // The release's params model keys a whole-body member by its wire name while the method reads
    // the body back under the member's own name: it sends no body (the Ruby SDK, `parsed[:x]`).
    const renamed = (error.params ?? []).flatMap((p) => p.renamed ?? []);
    const bodiless = requests.find((r) =>
      (r.violations ?? []).some((v) => /Body parameter is required/.test(v.message ?? '')),
    );
    if (bodiless && renamed.length)
      return {
        passed: false,
        cause: 'sdk',
        why: `the official SDK release loses the body it was given: it keys ${list(renamed.map(([n]) => n))} as ${list(renamed.map(([, w]) => w))}, then reads the body under the first name and sends none`,
      };
    const notPaged = /undefined method `(auto_paging_each|each)' for #<(Telnyx::Models::(?:\w+::)*\w+)/.exec(
      error.message,
    );
    if (notPaged)
      return {
        passed: false,
        cause: 'sdk',
        why: `the official SDK returns this list as one model (${notPaged[2]}), not a page`,
      };
    const missing =
      /'(\w+)' object has no attribute '(\w+)'/.exec(error.message) ??
      /undefined method `(\w+)' for #<Telnyx::(Resources::|Client\b)/.exec(error.message);
    if (missing && example.operation) {
      const accessor = officialAccessors.get(example.operation);
      return accessor
        ? {
            passed: false,
            cause: 'docs',
            why: `the official SDK calls this operation \`${accessor}\` (${message})`,
          }
        : {
            passed: false,
            cause: 'sdk',
            why: `the official SDK release has no method for this endpoint (${message})`,
          };
    }
  }

  if (rejected && example.operation) {
    const prism = classifyPrism(
      {
        title: example.operation,
        passed: false,
        status: String(rejected.status),
        violations: rejected.violations,
      },
      lintRules,
    );
    if (prism.cause !== 'client') return { passed: false, cause: prism.cause, why: prism.why };
    const messages = (rejected.violations ?? []).map((v) => v.message ?? '').join('; ');
    if (official && (rejected.status === 415 || /Supported content types/.test(messages)))
      return {
        passed: false,
        cause: 'sdk',
        why: `the official SDK sends this body as JSON; the spec takes only another media type (Prism: ${messages || 'status 415'})`,
      };
    return {
      passed: false,
      cause: 'docs',
      why: `Prism rejected the request: status ${rejected.status}: ${messages || message}`,
    };
  }
  if (!outcome.ok && requests.length > 0 && example.operation) {
    // Every request accepted, then the SDK failed on the answer: the mock's response, if lint explains it.
    const responseRules = ['mock-response-invalid', 'invalid-default', 'invalid-example', 'unknown-format'];
    const rules = [...(lintRules.get(example.operation) ?? [])].filter((r) => responseRules.includes(r));
    if (rules.length)
      return {
        passed: false,
        cause: 'spec',
        why: `lint ${rules.join(', ')}: the SDK could not read the mock's response built from the spec (${message})`,
      };
  }
  return { passed: false, cause: 'docs', why: message };
}
