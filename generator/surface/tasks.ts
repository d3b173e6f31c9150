/**
 * The example call of a core task (specs/products.yml `tasks:`): the operation's own example call
 * (inputs.ts) plus the optional inputs a real call fills, with the config's values where it gives
 * them. Values are typed against the schema as the generated ones are (enum flags, component refs),
 * so every language renders them alike, and a value the schema refuses fails the run at its line.
 */
import { InputError } from '../errors.ts';
import { exampleOf, fromJson, type Example, type ExampleEnv } from '../examples/examples.ts';
import { satisfies } from '../examples/match.ts';
import { inputType } from '../model/guides.ts';
import type { CoreTask, Operation, TypeNode } from '../model/index.ts';
import type { CallInput, InputField, OperationSurface } from './types.ts';

export function taskInput(
  op: Operation,
  surface: OperationSurface,
  task: CoreTask,
  env: ExampleEnv,
): CallInput {
  const base = surface.example;
  const given = new Map(task.values.map((v) => [v.name, v]));
  const named = [...task.values.map((v) => v.name), ...task.fields.filter((f) => !given.has(f))];
  const valueOf = (name: string): Example => {
    const type = inputType(op, name, env.resolve)!;
    const config = given.get(name);
    if (!config) return exampleOf(type, name, env, { upload: isUploadBody(op) });
    const value = typedExample(config.value, type, env);
    if (!satisfies(value, type, env.resolve))
      throw new InputError(
        `the value of "${name}" in task "${task.title}" does not fit its schema in ${op.key}`,
        config.where,
        'give a value of the type, enum and pattern the spec declares for it',
      );
    return value;
  };
  // Once the task names a body field, the body is not empty: the optional field the operation's own
  // example fills for that reason (a required body) would only distract.
  const namesBody = named.some((n) => !op.params.some((p) => p.name === n));
  const kept = base.fields.filter(
    (f) => !named.includes(f.wire) && !(namesBody && f.in === 'body' && !surface.required.includes(f.wire)),
  );
  const input: CallInput = { ...base, fields: kept };
  for (const name of named) {
    if (base.positional?.wire === name) {
      input.positional = { ...base.positional, value: pathText(valueOf(name)) };
      continue;
    }
    const existing = base.fields.find((f) => f.wire === name);
    const param = op.params.find((p) => p.name === name && p.in !== 'cookie');
    const where = param ? (param.in as InputField['in']) : 'body';
    const value = where === 'path' ? pathText(valueOf(name)) : valueOf(name);
    input.fields.push({
      ...(existing ?? {
        wire: name,
        in: where,
        ...(param && where !== 'path' ? { style: param.style } : {}),
      }),
      value,
      ...(existing ? {} : { optional: true }),
    });
  }
  input.paramsRequired ||= input.fields.length > 0;
  return input;
}

const isUploadBody = (op: Operation) => ['multipart', 'binary'].includes(op.body?.contents[0]?.kind ?? '');

/** Path segments are text in every SDK. */
const pathText = (value: Example): Example =>
  value.kind === 'integer' || value.kind === 'number'
    ? { kind: 'string', value: String(value.value) }
    : value;

/** A config value (plain JSON) as an example of the schema: enum flags and component refs kept. */
export function typedExample(value: unknown, node: TypeNode, env: ExampleEnv, depth = 0): Example {
  const plain = fromJson(value);
  if (depth > 20) return plain;
  const type = env.resolve(node);
  if (type.kind === 'union') {
    const variant = type.variants.find((v) => satisfies(plain, v, env.resolve));
    return variant ? typedExample(value, variant, env, depth + 1) : plain;
  }
  if (plain.kind === 'string' && type.kind === 'string' && type.enum?.includes(plain.value))
    return { ...plain, enum: true };
  if (plain.kind === 'integer' && type.kind === 'number') return { kind: 'number', value: plain.value };
  if (plain.kind === 'array' && Array.isArray(value) && type.kind === 'array')
    return { kind: 'array', items: value.map((item) => typedExample(item, type.items, env, depth + 1)) };
  if (plain.kind === 'object' && type.kind === 'object' && type.properties.length > 0) {
    const entries = Object.entries(value as Record<string, unknown>);
    const fields = entries.map(([name, v]) => {
      const property = type.properties.find((p) => p.name === name);
      return { name, value: property ? typedExample(v, property.type, env, depth + 1) : fromJson(v) };
    });
    const component = node.kind === 'ref' && env.types.get(node.name)?.origin === 'component';
    return { kind: 'object', fields, ...(component && node.kind === 'ref' ? { ref: node.name } : {}) };
  }
  return plain;
}
