/**
 * How a generated resource class gets its methods and child resources. Its file declares them, with
 * their types and doc comments, in an interface merged with the class, and lists each operation's
 * request layout in its `OPERATIONS` table; `defineOperations` puts one method per entry on the
 * class's prototype, `defineChildren` one lazy getter/setter pair per child resource.
 *
 * Why not a method body per operation: the ~1,100 bodies were all the same call, and checking them
 * (with the ~370 child getters) cost about a sixth of the package's type-check time.
 */
import { lazyResource, setResource } from './lazy.js';
import { APIResource, describe, type OperationSpec, type ResourceClient } from './operation.js';
import type { PathParamValue } from './path.js';
import type { RequestOptions } from './request.js';

/** A class the generated code defines members on: a resource, or the client. */
interface Defined {
  prototype: object;
}

/** A child resource's class. */
type ResourceClass = new (client: ResourceClient) => APIResource;

/** One method per operation, as a class method would be: writable, configurable, not enumerable. */
export function defineOperations(
  Resource: Defined,
  operations: Readonly<Record<string, OperationSpec>>,
): void {
  for (const [name, spec] of Object.entries(operations))
    Object.defineProperty(Resource.prototype, name, {
      value: operationMethod(name, spec),
      writable: true,
      configurable: true,
    });
}

/**
 * A getter per child that builds it on first access (lazy.ts), and a setter, so that the property is
 * assignable like the official client's plain field. A resource's children share its client; the
 * client's children take the client itself.
 */
export function defineChildren(Owner: Defined, children: Readonly<Record<string, ResourceClass>>): void {
  for (const [name, Child] of Object.entries(children))
    Object.defineProperty(Owner.prototype, name, {
      get(this: object) {
        return lazyResource(
          this,
          name,
          Child,
          this instanceof APIResource ? clientOf(this) : (this as ResourceClient),
        );
      },
      set(this: object, value: unknown) {
        setResource(this, name, value);
      },
      configurable: true,
    });
}

function operationMethod(name: string, spec: OperationSpec) {
  const args = spec.args ?? [];
  const path = args.indexOf('path');
  const body = args.indexOf('body');
  const params = args.indexOf('params');
  const options = args.length;
  // A method named as the operation (stack traces, `fn.name`), as a class method would be. Fixed
  // parameters picked by position, not `...rest`: no array per call on the request path.
  const { [name]: method } = {
    [name](this: APIResource, a?: unknown, b?: unknown, c?: unknown, d?: unknown) {
      const description = describe(
        spec,
        pick(path, a, b, c, d) as PathParamValue | undefined,
        pick(params, a, b, c, d) as object | null | undefined,
        pick(body, a, b, c, d),
      );
      const requestOptions = pick(options, a, b, c, d) as RequestOptions | undefined;
      const client = clientOf(this);
      return spec.page
        ? client.getAPIList(spec.page, description, spec.items ?? '', requestOptions)
        : client.request(description, requestOptions);
    },
  };
  return method!;
}

/** The argument at `index` (-1: the method takes no such argument). */
function pick(index: number, a: unknown, b: unknown, c: unknown, d: unknown): unknown {
  return index === 0 ? a : index === 1 ? b : index === 2 ? c : index === 3 ? d : undefined;
}

/** The client a resource holds (`_client` is protected: generated classes read it, callers do not). */
function clientOf(resource: APIResource): ResourceClient {
  return (resource as unknown as { _client: ResourceClient })._client;
}
