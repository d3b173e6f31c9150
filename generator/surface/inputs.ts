/**
 * The example call of an operation, in the terms every language renders: the positional path
 * parameter and the params object's fields with their example values (generator/examples/), bound
 * to where each goes. Built once per operation from its surface, so the six languages and the
 * package's own tests cannot disagree on which fields an example fills.
 */
import type { Operation, Parameter, TypeNode } from '../model/index.ts';
import { exampleOf, type ExampleEnv } from '../examples/examples.ts';
import { bodyNeedsAChoice } from './one-object.ts';
import type { BodyShape, CallInput, InputField, MethodSignature, ResultSurface } from './types.ts';

export function callInput(
  op: Operation,
  env: ExampleEnv,
  signature: MethodSignature,
  shape: BodyShape,
  result: ResultSurface,
): CallInput {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const last = pathParams[pathParams.length - 1];
  const paramField = (p: Parameter): InputField => {
    // The parameter's description tells what the value is when its schema does not (`to`: a date).
    const options = p.description ? { description: p.description } : {};
    const value =
      p.example !== undefined && p.example !== null && p.example !== ''
        ? exampleOf({ ...p.type, example: p.example } as TypeNode, p.name, env, options)
        : exampleOf(p.type, p.name, env, options);
    // A path segment is text whatever the schema says; every SDK takes path arguments as strings.
    const text =
      p.in === 'path' && (value.kind === 'integer' || value.kind === 'number')
        ? { kind: 'string' as const, value: String(value.value) }
        : value;
    return {
      wire: p.name,
      in: p.in as InputField['in'],
      value: text,
      style: p.style,
      ...(text !== value ? { numeric: true as const } : {}),
    };
  };
  const fields = [
    ...pathParams.slice(0, -1).map(paramField),
    ...op.params
      .filter((p) => (p.in === 'query' || p.in === 'header') && (p.required || requiresKeys(p, env.resolve)))
      .map(paramField),
  ];
  const input: CallInput = {
    op,
    fields,
    // Language-neutral: the other SDKs take a body of its own inside their params (Go, Java).
    hasParams: signature.hasParams || signature.bodyArg === 'positional',
    paramsRequired: fields.length > 0,
    // The official SDKs return some lists the spec pages as one model: the example prints it whole
    // (every SDK's page has the same `data`), as iterating it there would fail.
    result: result.shape === 'list' && op.names.lockedPaged === false ? 'json' : result.shape,
    paramsType: signature.paramsType,
    ...(signature.bodyArg === 'positional' ? { bodyArg: signature.bodyArg } : {}),
  };
  if (last) input.positional = paramField(last);
  if (shape.kind !== 'none') {
    const { content } = shape;
    input.bodyKind = content.kind;
    const upload = content.kind === 'multipart' || content.kind === 'binary';
    // A required body goes out with a field even when none is required: an empty one is refused
    // ("Body parameter is required"), and an example that sends nothing shows nothing.
    const body = exampleOf(content.type, 'body', env, { upload, nonEmpty: op.body!.required });
    if (shape.kind !== 'whole' && body.kind === 'object') {
      const taken = new Set(fields.map((f) => f.wire));
      fields.push(
        ...body.fields
          .filter((f) => !taken.has(f.name))
          .map((f) => ({ wire: f.name, in: 'body' as const, value: f.value })),
      );
      input.paramsRequired ||= fields.length > 0 || (bodyNeedsAChoice(shape) && op.body!.required);
    } else if (op.body!.required || content.kind === 'binary') {
      input.wholeBody = body;
      input.paramsRequired = true;
    }
  }
  if (result.shape === 'download' || result.shape === 'text') input.resultMedia = op.response.mediaType;
  return input;
}

/**
 * An optional object parameter whose schema requires keys (`filter` of GET /detail_records requires
 * `filter[record_type]`): the example sends it with those keys. Prism validates the absent object as
 * `{}` and refuses it; and a filter that is there at all must carry them.
 */
function requiresKeys(p: Parameter, resolve: (n: TypeNode) => TypeNode): boolean {
  const type = resolve(p.type);
  return (
    type.kind === 'object' &&
    (type.properties.some((f) => f.required && !f.readOnly) || (type.requiresElsewhere?.length ?? 0) > 0)
  );
}
