/**
 * Reading a generated SKILL.md back: its operation sections (heading, endpoint line, Required and
 * Optional lists, code block), as a reader would find them.
 */
import { codeBlocks, prose, type CodeBlock } from './blocks.ts';

export interface OperationSection {
  heading: string;
  method: string;
  path: string;
  server?: string;
  required: string[];
  optional: string[];
  block: CodeBlock;
}

const ENDPOINT = /^`(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) ([^`]+)`(?: \(server `([^`]+)`\))?$/m;

/** Names of a `Label: `a`, `b` (type), ...` line (inline code spans at the start of each item). */
function names(section: string, label: string): string[] {
  const line = new RegExp(`^${label}: (.*)$`, 'm').exec(prose(section))?.[1];
  if (!line) return [];
  return [...line.matchAll(/(?:^|, )`([^`]+)`/g)].map((m) => m[1]);
}

export function operationSections(file: string, markdown: string): OperationSection[] {
  const parts = markdown.split(/^(?=## )/m);
  let offset = 0;
  const sections: OperationSection[] = [];
  for (const part of parts) {
    const endpoint = ENDPOINT.exec(prose(part));
    const blocks = codeBlocks(file, part);
    if (endpoint && blocks.length > 0) {
      const block = { ...blocks[0], line: blocks[0].line + offset };
      const section: OperationSection = {
        heading: part.split('\n')[0].replace(/^## /, ''),
        method: endpoint[1],
        path: endpoint[2],
        required: names(part, 'Required'),
        optional: names(part, 'Optional'),
        block,
      };
      if (endpoint[3]) section.server = endpoint[3];
      sections.push(section);
    }
    offset += part.split('\n').length - 1;
  }
  return sections;
}

/** Optional lists of references/api-details.md, by the heading of the operation they belong to. */
export function detailsOptional(markdown: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of markdown.split(/^(?=## )/m))
    map.set(part.split('\n')[0].replace(/^## /, ''), names(part, 'Optional'));
  return map;
}
