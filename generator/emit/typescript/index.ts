/**
 * Emits `typescript/`: a complete npm package (src/ with the client, one file per resource, the
 * models, the runtime core copied from templates/typescript/runtime; package.json, tsconfigs,
 * README.md, api.md). Types are written from the model rather than by openapi-typescript: the model
 * already carries the names (NAMING.md), read/write scope and nested inline types the package needs,
 * and openapi-typescript's single `components` interface would have to be re-shaped after the fact.
 */
import Handlebars from 'handlebars';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Api, Resource, TypeNode } from '../../model/index.ts';
import type { Names } from '../../naming/names.ts';
import type { FileSink } from '../files.ts';
import { renderApiMd } from './api-md.ts';
import { docComment, propertyKey, sanitize } from './doc-comment.ts';
import { cellCode, mdText } from '../skills/escape.ts';
import { childrenCall } from './layout-code.ts';
import { className, resourceEntry, resourceFile } from './layout.ts';
import { renderModels } from './models.ts';
import { PrintedFile } from './printed-file.ts';
import { resourceView } from './resource.ts';
import { scopedTypes } from './scope.ts';
import { clientNamespace, exportedTypes, WEBHOOKS_ALIAS } from './client-namespace.ts';
import { renderWebhookTypes, WEBHOOK_EVENT_ALIAS, WEBHOOK_TYPES_FILE } from './webhook-types.ts';
import { renderOperationTests } from './tests.ts';
import { typeScriptKeys } from './cache-key.ts';
import { NO_UNIT_CACHE, type UnitCache } from '../unit-cache.ts';
import type { Surface } from '../../surface/index.ts';

export interface TypeScriptContext {
  templatesDir: string;
  resolve: (n: TypeNode) => TypeNode;
  packageName: string;
  packageVersion: string;
  includeHidden: boolean;
  names: Names;
  /** Resource modules and models.ts rendered by earlier runs, by the hash of their input. */
  units?: UnitCache;
  /** What every unit's key starts from: the hash of the generator's code and templates. */
  unitsKey?: string;
}

const CLIENT_CLASS = 'Telnyx';
/** The client without resources (base-client.ts.hbs), for apps that import resources one by one. */
const BASE_CLASS = `Base${CLIENT_CLASS}`;
/** Names client.ts.hbs declares or imports itself. */
const CLIENT_IDENTIFIERS = [
  CLIENT_CLASS,
  BASE_CLASS,
  'ClientOptions',
  'defineChildren',
  'PageStyles',
  'RequestTypes',
  'Webhooks',
  'Models',
  'WebhookEvent',
  WEBHOOKS_ALIAS,
];
const PREFIX = 'typescript/';

export interface TypeScriptOutput<Sink extends FileSink> {
  files: Sink;
  /** Files written in prettier's exact layout, which the format stage skips. */
  preformatted: Set<string>;
}

/** Each file goes to `files` as it is rendered (the run's output writer, or a new Map by default). */
export function renderTypeScript<Sink extends FileSink = Map<string, string>>(
  api: Api,
  surface: Surface,
  ctx: TypeScriptContext,
  files: Sink = new Map() as FileSink as Sink,
): TypeScriptOutput<Sink> {
  const hbs = Handlebars.create();
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value));
  const template = (name: string) =>
    hbs.compile(readFileSync(join(ctx.templatesDir, 'typescript', name), 'utf8'), {
      strict: true,
      noEscape: true,
    });
  const preformatted = new Set<string>();
  const typeNames = ctx.names.types;
  const ops = new Map(api.operations.map((op) => [op.key, op]));

  const typesByName = new Map(api.types.map((t) => [t.name, t]));
  const scope = { ...scopedTypes(api.types), types: typesByName };
  // Units whose input is unchanged since a run that rendered them come from the cache.
  const units = ctx.units ?? NO_UNIT_CACHE;
  const keys = ctx.units && typeScriptKeys(ctx.unitsKey ?? '', api, surface, typeNames, scope);
  const cachedUnit = <T>(key: string | undefined, render: () => T): T => {
    const cached = key ? units.get<T>(key) : undefined;
    if (cached) return cached;
    const unit = render();
    if (key) units.set(key, unit);
    return unit;
  };

  // models.ts and webhook-events.ts are laid out as prettier would unless the layout says otherwise.
  const { text: models, exact } = cachedUnit(keys?.models(), () => {
    const modelsFile = new PrintedFile();
    return { text: renderModels(api.types, typeNames, modelsFile), exact: modelsFile.exact };
  });
  files.set(
    `${PREFIX}src/models.ts`,
    `// File generated from the Telnyx OpenAPI spec by telnyx-codegen. Do not edit.\n\n${models}`,
  );
  if (exact) preformatted.add(`${PREFIX}src/models.ts`);
  const resource = template('resource.ts.hbs');
  const rendered = new Map<Resource, string>();
  // The resource files' paths: files go to a sink that cannot be asked what it holds.
  const resourcePaths = new Set<string>();
  const visit = (r: Resource) => {
    const unit = cachedUnit(keys?.resource(r), () => {
      const view = resourceView(r, ops, typeNames, surface, ctx.resolve, scope);
      return { file: PREFIX + view.file, text: resource(view), preformatted: view.preformatted };
    });
    files.set(unit.file, unit.text);
    resourcePaths.add(unit.file);
    if (r.chain.length === 1) rendered.set(r, unit.text);
    if (unit.preformatted) preformatted.add(unit.file);
    const entry = resourceEntry(r);
    if (entry) {
      files.set(PREFIX + entry.file, entry.text);
      resourcePaths.add(PREFIX + entry.file);
      preformatted.add(PREFIX + entry.file);
    }
    r.children.forEach(visit);
  };
  api.resources.forEach(visit);

  // Laid out as prettier would (lines built in layout-code.ts): client.ts skips the format stage.
  // client.ts imports each top-level resource twice: its class, and the module as `<Class>API` for
  // the namespace; neither may take a name the template's own imports use.
  const taken = new Set([...CLIENT_IDENTIFIERS, ...api.resources.map((r) => className(r.name))]);
  for (const r of api.resources) {
    if (CLIENT_IDENTIFIERS.includes(className(r.name)))
      throw new Error(`resource class ${className(r.name)} collides with an identifier of client.ts.hbs`);
  }
  const moduleAlias = (cls: string) => {
    let alias = `${cls}API`;
    while (taken.has(alias)) alias = `${alias}_`;
    taken.add(alias);
    return alias;
  };
  const topLevel = api.resources.map((r) => ({
    className: className(r.name),
    namespace: moduleAlias(className(r.name)),
    importPath: `./${resourceFile(r.chain, r.children.length > 0)
      .slice('src/'.length)
      .replace(/\.ts$/, '.js')}`,
    property: `  ${propertyKey(r.name)}: ${className(r.name)};`,
    doc: docComment([`${className(r.name)} operations.`], '  '),
    exports: exportedTypes(rendered.get(r)!),
  }));
  const webhookFile = new PrintedFile();
  const webhookTypes = renderWebhookTypes(api, typeNames, webhookFile);
  if (resourcePaths.has(PREFIX + WEBHOOK_TYPES_FILE))
    throw new Error(`a resource file is at ${WEBHOOK_TYPES_FILE}, where the webhook types go`);
  files.set(PREFIX + WEBHOOK_TYPES_FILE, webhookTypes.text);
  if (webhookFile.exact) preformatted.add(PREFIX + WEBHOOK_TYPES_FILE);
  const pageClasses = [
    ...new Set(api.operations.flatMap((o) => (o.pagination ? [o.pagination.pageClass] : []))),
  ].sort();
  files.set(
    `${PREFIX}src/client.ts`,
    // The server lands in a doc comment there.
    template('client.ts.hbs')({
      resources: topLevel,
      defineChildren: childrenCall(
        CLIENT_CLASS,
        api.resources.map((r) => [r.name, className(r.name)]),
      ),
      clientClass: CLIENT_CLASS,
      baseClass: BASE_CLASS,
      packageName: ctx.packageName,
      server: sanitize(api.server),
      webhooksAlias: WEBHOOKS_ALIAS,
      webhooksPath: `./${WEBHOOK_TYPES_FILE.slice('src/'.length).replace(/\.ts$/, '.js')}`,
      namespaceLines: clientNamespace(
        topLevel,
        pageClasses,
        exportedTypes(models),
        webhookTypes.exports,
        new Set([...CLIENT_IDENTIFIERS, ...topLevel.map((r) => r.namespace)]),
      ),
    }),
  );
  files.set(
    `${PREFIX}src/base-client.ts`,
    template('base-client.ts.hbs')({
      clientClass: CLIENT_CLASS,
      baseClass: BASE_CLASS,
      packageName: ctx.packageName,
    }),
  );
  files.set(`${PREFIX}src/version.ts`, template('version.ts.hbs')({ version: ctx.packageVersion }));
  files.set(`${PREFIX}src/index.ts`, template('index.ts.hbs')({ clientClass: CLIENT_CLASS }));
  files.set(`${PREFIX}src/webhook-events.ts`, WEBHOOK_EVENT_ALIAS);
  preformatted.add(`${PREFIX}src/webhook-events.ts`);
  // Templates written in prettier's style, with lines from layout-code.ts.
  for (const file of ['src/client.ts', 'src/base-client.ts', 'src/index.ts', 'src/version.ts'])
    preformatted.add(PREFIX + file);
  for (const file of readdirSync(join(ctx.templatesDir, 'typescript/runtime'))
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    // The runtime core is kept prettier-formatted in this repo (test/typescript/format.test.ts).
    files.set(
      `${PREFIX}src/core/${file}`,
      readFileSync(join(ctx.templatesDir, 'typescript/runtime', file), 'utf8'),
    );
    preformatted.add(`${PREFIX}src/core/${file}`);
  }
  // The web globals the package type-checks against in place of lib DOM (see the file's comment).
  files.set(
    `${PREFIX}types/web-globals.d.ts`,
    readFileSync(join(ctx.templatesDir, 'typescript/web-globals.d.ts'), 'utf8'),
  );
  preformatted.add(`${PREFIX}types/web-globals.d.ts`);
  for (const name of ['tsconfig.json', 'tsconfig.build.json', 'tsconfig.cjs.json']) {
    files.set(PREFIX + name, template(`${name}.hbs`)({}));
    preformatted.add(PREFIX + name); // the templates are written in prettier's style
  }
  // `require('telnyx')` returns the client class (see the file's comment); not TypeScript, not formatted.
  files.set(`${PREFIX}index.cjs`, readFileSync(join(ctx.templatesDir, 'typescript/index.cjs'), 'utf8'));
  files.set(
    `${PREFIX}package.json`,
    template('package.json.hbs')({ name: ctx.packageName, version: ctx.packageVersion, typescript: '5.9.3' }),
  );
  preformatted.add(`${PREFIX}package.json`);
  files.set(`${PREFIX}README.md`, template('README.md.hbs')(readmeView(api, ctx)));
  files.set(`${PREFIX}api.md`, renderApiMd(api, surface, ctx.templatesDir));
  for (const [file, text] of renderOperationTests(api.resources, ops, surface)) {
    files.set(PREFIX + file, text);
    // The suite is laid out in prettier's style (tests.ts); its config file is left to prettier.
    if (file.endsWith('.ts')) preformatted.add(PREFIX + file);
  }
  return { files, preformatted };
}

function readmeView(api: Api, ctx: TypeScriptContext) {
  const exposed = api.operations.filter((o) => ctx.includeHidden || !o.hidden);
  const noInput = (o: (typeof exposed)[number]) =>
    !o.params.some((p) => p.required) && !(o.body?.required ?? false);
  const retrieve = exposed.find(
    (o) =>
      o.method === 'get' &&
      !o.pagination &&
      !o.path.includes('{') &&
      noInput(o) &&
      o.response.kind === 'json',
  );
  const list = exposed.find(
    (o) => o.pagination?.style === 'page-number' && !o.path.includes('{') && noInput(o),
  );
  return {
    // Spec text, escaped for where it lands: a markdown heading and prose, and a code span in a table.
    title: mdText(api.title),
    operationCount: exposed.length,
    packageName: ctx.packageName,
    clientClass: CLIENT_CLASS,
    baseClass: BASE_CLASS,
    server: cellCode(api.server),
    examples: { retrieve: retrieve && `${retrieve.names.ts}()`, list: list && `${list.names.ts}()` },
    // The webhooks example names two events of the Telnyx spec (call.initiated, call.hangup).
    webhookExample: ['CallInitiatedWebhookEvent', 'CallHangupWebhookEvent'].every((name) =>
      api.webhooks.some((w) => w.typeName === name),
    ),
    // The worked examples in the template name real operations; a test type-checks them.
    workedExamples: ['POST /number_orders', 'POST /messages', 'POST /calls'].every((k) =>
      exposed.some((o) => o.key === k),
    ),
  };
}
