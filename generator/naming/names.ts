/**
 * The naming stage's product for one run (docs/NAMING.md: names are assigned in one place, after the
 * model is built, never by an emitter). Beside each operation's accessors, which the model carries in
 * `op.names`, it holds the TS name of every model type and how each SDK spells each operation's
 * inputs. It is derived from the model on every run, cached model or not (it holds functions, the
 * model is JSON), and the emitters only read it.
 */
import type { Api } from '../model/types.ts';
import { GO, JAVA, PYTHON, RUBY, goParamsType, javaPackage } from './fields.ts';
import { goMethod } from './languages.ts';
import { assignTypeNames } from './types.ts';

export interface Names {
  /**
   * Model type name -> TS type name, unique and safe (dotted for a type nested in its owner). A Map
   * because the TypeScript emitter's signatures take one; nothing writes to it after nameApi.
   */
  types: Map<string, string>;
  /** Operation key -> how each SDK spells that operation's inputs. */
  operations: ReadonlyMap<string, OperationSpelling>;
}

export interface OperationSpelling {
  python: typeof PYTHON;
  ruby: typeof RUBY;
  /** With the params struct of the call: `OAuthClientNewParams`. */
  go: typeof GO & { paramsType: string };
  /** With the package of the operation's resource, where its params classes live. */
  java: typeof JAVA & { package: string };
}

export function nameApi(api: Api, digitPrefix: string): Names {
  const operations = new Map<string, OperationSpelling>(
    api.operations.map(({ key, names }) => [
      key,
      {
        python: PYTHON,
        ruby: RUBY,
        go: { ...GO, paramsType: goParamsType(names.resource, goMethod(names.method)) },
        java: { ...JAVA, package: javaPackage(names.resource) },
      },
    ]),
  );
  return {
    types: assignTypeNames(
      api.types.map((t) => t.name),
      digitPrefix,
    ),
    operations,
  };
}
