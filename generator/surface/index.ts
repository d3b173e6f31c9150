/**
 * Stage 3, surface: the SDK decisions, once per public operation, between the model and the
 * emitters (see types.ts for what is decided). Pure: the same model gives the same surface.
 */
import type { Api, NamedType, Operation, TypeNode } from '../model/index.ts';
import type { ExampleEnv } from '../examples/examples.ts';
import { optionalFields, requiredNames } from './docs.ts';
import { callInput } from './inputs.ts';
import { bodyArgOf, bodyShape, membersOf, methodSignature, resultOf, withJsonFields } from './method.ts';
import type { OperationSurface, Surface } from './types.ts';
import type { CompatConfig } from '../config.ts';
import type { LintFinding } from '../errors.ts';
import {
  bodyWrapperOf,
  checkCompat,
  releaseBodiesOf,
  withFieldAliases,
  withOfficialShape,
} from './compat.ts';

export type * from './types.ts';
export { bodyFields } from './docs.ts';
export { taskInput } from './tasks.ts';

export interface SurfaceOptions {
  includeHidden: boolean;
  compat: CompatConfig;
  /** The config file, for errors about its `compat` entries. */
  configFile: string;
}

const NO_COMPAT: CompatConfig = { bodyWrappers: {}, fieldAliases: {}, releaseBodies: {} };

/** The surface of every public operation, and findings about the config's compat entries. */
export function buildSurface(
  api: Api,
  resolve: (n: TypeNode) => TypeNode,
  types: ReadonlyMap<string, NamedType>,
  options: SurfaceOptions,
): { surface: Surface; findings: LintFinding[] } {
  const findings = checkCompat(options.compat, api.operations, options.configFile);
  const env: ExampleEnv = { resolve, types };
  const surface = new Map<string, OperationSurface>();
  for (const op of api.operations)
    if (options.includeHidden || !op.hidden) surface.set(op.key, operationSurface(op, env, options.compat));
  return { surface, findings };
}

export function operationSurface(op: Operation, env: ExampleEnv, compat = NO_COMPAT): OperationSurface {
  const { resolve } = env;
  const body = bodyShape(op, resolve);
  const positionalWire = op.params.filter((p) => p.in === 'path').at(-1)?.name;
  const all = membersOf(op, body, positionalWire, resolve);
  const bodyArg = bodyArgOf(body, all, resolve);
  // A body passed as an argument of its own is not a member of the params object.
  const members = withFieldAliases(
    bodyArg === 'positional' ? all.filter((m) => !(m.in === 'body' && body.kind === 'whole')) : all,
    compat.fieldAliases[op.key],
  );
  const wrapper = compat.bodyWrappers[op.key];
  const signature = methodSignature(op, body, members, op.names.method, bodyArg);
  const result = resultOf(op);
  return {
    signature,
    members,
    body,
    ...(bodyWrapperOf(body, wrapper) ? { bodyWrapper: wrapper } : {}),
    result,
    required: requiredNames(op, body, resolve),
    optional: optionalFields(op, body, resolve),
    example: withOfficialShape(
      callInput(op, env, signature, body, result),
      bodyWrapperOf(body, wrapper),
      compat.fieldAliases[op.key],
      releaseBodiesOf(compat, op.key),
    ),
    aliases: (op.names.aliases ?? []).map((alias) => {
      const shape = !alias.bodyKind
        ? body
        : alias.bodyKind === 'multipart'
          ? withJsonFields(bodyShape(op, resolve, alias.bodyKind), bodyShape(op, resolve, 'json'))
          : bodyShape(op, resolve, alias.bodyKind);
      const own = alias.bodyKind ? membersOf(op, shape, positionalWire, resolve) : members;
      return {
        method: alias.method,
        signature: methodSignature(op, shape, own, alias.method, alias.bodyKind ? undefined : bodyArg),
        members: own,
        body: shape,
        ...(bodyWrapperOf(shape, wrapper) ? { bodyWrapper: wrapper } : {}),
      };
    }),
  };
}
