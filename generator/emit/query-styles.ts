/**
 * The runtime's spelling of the model's parameter styles (templates/typescript/runtime/query.ts):
 * what a generated operation layout lists for a query parameter, and what the docs' curl examples
 * pass to the same serialiser. Form/explode is the runtime's default and is not listed.
 */
import type { ParamStyle } from '../model/index.ts';
import type { QueryStyle } from '../../templates/typescript/runtime/query.ts';

const RUNTIME_QUERY_STYLES: Partial<Record<ParamStyle, Required<QueryStyle>>> = {
  'deep-object': { style: 'deepObject', explode: true },
  'form-comma': { style: 'form', explode: false },
  'space-delimited': { style: 'spaceDelimited', explode: false },
  'pipe-delimited': { style: 'pipeDelimited', explode: false },
};

/** The runtime's QueryStyle for a parameter, or undefined where the runtime's default applies. */
export function runtimeQueryStyle(style: ParamStyle | undefined): Required<QueryStyle> | undefined {
  return style === undefined ? undefined : RUNTIME_QUERY_STYLES[style];
}
