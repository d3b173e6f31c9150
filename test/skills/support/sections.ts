/**
 * Reading a generated SKILL.md (or one of its references/ files) back: its operation sections
 * (heading, endpoint line, Required and Optional lists, code block), as a reader would find them.
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

/**
 * The reference files of a skill in the order its SKILL.md index lists them (`### [title](references/x.md)`).
 */
export function referenceFiles(skillMd: string): string[] {
  return [...skillMd.matchAll(/^### \[.*\]\((references\/[^)#]+\.md)\)$/gm)].map((m) => m[1]);
}

const TASK_ENDPOINT = /^`(GET|POST|PUT|PATCH|DELETE) ([^`]+)`, (?:reference|documented)/m;

/** The core tasks of a SKILL.md (`### title` under `## Core tasks`), read like operation sections. */
export function taskSections(file: string, markdown: string): OperationSection[] {
  const start = markdown.search(/^## Core tasks$/m);
  if (start < 0) return [];
  const end = markdown.slice(start + 1).search(/^## /m);
  const part = markdown.slice(start, end < 0 ? undefined : start + 1 + end);
  const offset = markdown.slice(0, start).split('\n').length - 1;
  return part
    .split(/^(?=### )/m)
    .slice(1)
    .flatMap((task) => {
      const endpoint = TASK_ENDPOINT.exec(prose(task));
      const blocks = codeBlocks(file, task);
      if (!endpoint || blocks.length === 0) return [];
      const before = part.slice(0, part.indexOf(task)).split('\n').length - 1;
      return [
        {
          heading: task.split('\n')[0].replace(/^### /, ''),
          method: endpoint[1],
          path: endpoint[2],
          required: [],
          optional: [],
          block: { ...blocks[0], line: blocks[0].line + offset + before, section: 'Core tasks' },
        },
      ];
    });
}
