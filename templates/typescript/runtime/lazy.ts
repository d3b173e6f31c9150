/**
 * Resources are built on first access, not with the client: the client (and each resource with
 * children) has a getter per child calling this (define.ts `defineChildren`). Building the ~165
 * top-level resources and their children on every `new Telnyx()` and `withOptions()` cost time for
 * resources a program never uses.
 *
 * The resource is constructed once and defined on `owner` as an own property under the getter's
 * name, writable and enumerable as the eager fields were: later reads are plain property reads (no
 * getter call on the request path), and every read returns the same instance.
 */
export function lazyResource<Client, Resource>(
  owner: object,
  key: string,
  Class: new (client: Client) => Resource,
  client: Client,
): Resource {
  const value = new Class(client);
  setResource(owner, key, value);
  return value;
}

/**
 * The setter beside each getter: `client.messages = stub` replaces the resource, as assigning the
 * official client's plain field does (tests stub resources this way); later reads return `value`.
 */
export function setResource(owner: object, key: string, value: unknown): void {
  Object.defineProperty(owner, key, { value, writable: true, enumerable: true, configurable: true });
}
