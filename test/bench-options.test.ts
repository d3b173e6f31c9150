/**
 * What `npm run bench` runs for which arguments (scripts/bench-options.ts), and when the generation
 * peer counts as installed (scripts/bench-peers.ts). Nothing here is timed and nothing needs the
 * network: the bench itself is not part of `npm test`.
 */
import { describe, expect, it } from 'vitest';
import { benchPlan, BenchUsageError } from '../scripts/bench-options.ts';
import { HEY_API_TYPESCRIPT, HEY_API_VERSION, missingPeerPackages } from '../scripts/bench-peers.ts';
import { tempFiles } from './support/cli.ts';

const sections = (args: string[]) => {
  const plan = benchPlan(args);
  return { configs: plan.configs, regeneration: plan.regeneration, peers: plan.peers, scale: plan.scale };
};

describe('bench options', () => {
  it('runs every section by default, the peer comparison included', () => {
    expect(sections([])).toEqual({
      configs: ['manifest,typescript', undefined],
      regeneration: true,
      peers: true,
      scale: true,
    });
    expect(benchPlan([]).runs).toBe(5);
  });

  it('--only-peers runs the peer comparison alone, with --runs', () => {
    expect(sections(['--only-peers', '--runs', '3'])).toEqual({
      configs: [],
      regeneration: false,
      peers: true,
      scale: false,
    });
    expect(benchPlan(['--only-peers', '--runs', '3']).runs).toBe(3);
  });

  it('--only-peers with --only-scale runs both and nothing else', () => {
    expect(sections(['--only-peers', '--only-scale'])).toEqual({
      configs: [],
      regeneration: false,
      peers: true,
      scale: true,
    });
  });

  it('a narrower run (--only, --incremental, --only-scale) leaves the peer out', () => {
    expect(benchPlan(['--only', 'typescript']).peers).toBe(false);
    expect(benchPlan(['--incremental']).peers).toBe(false);
    expect(benchPlan(['--only-scale']).peers).toBe(false);
    expect(sections(['--incremental']).configs).toEqual([]);
  });

  it('rejects a bad count or an unknown option with a fix', () => {
    for (const args of [['--runs', '0'], ['--runs', 'abc'], ['--scale-runs', '-1'], ['--only-peer']]) {
      const error = (() => {
        try {
          benchPlan(args);
        } catch (e) {
          return e;
        }
      })();
      expect(error, args.join(' ')).toBeInstanceOf(BenchUsageError);
      expect((error as BenchUsageError).fix, args.join(' ')).toMatch(/--/);
    }
    expect(benchPlan(['--scale-runs', '0']).scale).toBe(false);
  });
});

describe('generation peer install', () => {
  const installed = (openapiTs: string, typescript: string) =>
    tempFiles({
      'node_modules/@hey-api/openapi-ts/package.json': JSON.stringify({ version: openapiTs }),
      'node_modules/typescript/package.json': JSON.stringify({ version: typescript }),
    });
  const wanted = [`@hey-api/openapi-ts@${HEY_API_VERSION}`, `typescript@${HEY_API_TYPESCRIPT}`];

  it('installs nothing when the pinned versions are there', () => {
    expect(missingPeerPackages(installed(HEY_API_VERSION, HEY_API_TYPESCRIPT))).toEqual([]);
  });

  it('installs both pins when either is missing or another version', () => {
    expect(missingPeerPackages(tempFiles({}))).toEqual(wanted);
    expect(missingPeerPackages(installed('0.1.0', HEY_API_TYPESCRIPT))).toEqual(wanted);
    // npm resolves hey-api's typescript peer to the native TypeScript 7, which it cannot load.
    expect(missingPeerPackages(installed(HEY_API_VERSION, '7.0.2'))).toEqual(wanted);
  });
});
