/** Names that survive a move (generator/naming/moved.ts), as given/want tables. */
import { describe, expect, it } from 'vitest';
import { movedNames } from '../generator/naming/moved.ts';
import type { LockedName } from '../generator/naming/lock.ts';

const locked = (method: string, operationId?: string): LockedName => ({
  resource: ['brand'],
  method,
  args: '()',
  aliases: [],
  ...(operationId ? { operationId } : {}),
});

describe('movedNames', () => {
  const cases: [string, { lock: [string, LockedName][]; ops: object[]; want: Record<string, string> }][] = [
    [
      'the old path is the tail of the new one (official api.md, no operationIds)',
      {
        lock: [['get /brand/{}', locked('retrieve')]],
        ops: [{ key: 'GET /10dlc/brand/{brandId}', method: 'get', path: '/10dlc/brand/{brandId}' }],
        want: { 'GET /10dlc/brand/{brandId}': 'retrieve' },
      },
    ],
    [
      'the same method and operationId, whatever the paths',
      {
        lock: [['post /old/things', locked('create', 'CreateThing')]],
        ops: [{ key: 'POST /new/stuff', method: 'post', path: '/new/stuff', operationId: 'CreateThing' }],
        want: { 'POST /new/stuff': 'create' },
      },
    ],
    [
      'not when the old path is still in the spec',
      {
        lock: [['get /brand/{}', locked('retrieve')]],
        ops: [
          { key: 'GET /brand/{id}', method: 'get', path: '/brand/{id}' },
          { key: 'GET /10dlc/brand/{id}', method: 'get', path: '/10dlc/brand/{id}' },
        ],
        want: {},
      },
    ],
    [
      'not when two new operations could be the move',
      {
        lock: [['get /brand', locked('list')]],
        ops: [
          { key: 'GET /10dlc/brand', method: 'get', path: '/10dlc/brand' },
          { key: 'GET /v3/brand', method: 'get', path: '/v3/brand' },
        ],
        want: {},
      },
    ],
    [
      'not on another method',
      {
        lock: [['get /brand', locked('list')]],
        ops: [{ key: 'POST /10dlc/brand', method: 'post', path: '/10dlc/brand' }],
        want: {},
      },
    ],
    [
      'not on a bare parameter tail',
      {
        lock: [['get /{}', locked('retrieve')]],
        ops: [{ key: 'GET /things/{id}', method: 'get', path: '/things/{id}' }],
        want: {},
      },
    ],
  ];
  it.each(cases)('%s', (_, { lock, ops, want }) => {
    const moved = movedNames(ops as never, new Map(lock));
    expect(Object.fromEntries([...moved].map(([key, name]) => [key, name.method]))).toEqual(want);
  });
});
