/** The parts of an OpenAPI 3 document the fuzzer reads. */
interface SchemaObject {
  $ref?: string;
  properties?: Record<string, SchemaObject>;
  allOf?: SchemaObject[];
}
interface ParameterObject {
  name: string;
  in: string;
}
interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface Operation {
  method: string;
  /** Express style: `/api/clients/:clientId` */
  template: string;
  queryNames: string[];
  bodyProperties: string[];
  /** The media types of the request body (`application/json`, `multipart/form-data`); empty without a body. */
  bodyTypes: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function propertiesOf(
  doc: OpenApiDocument,
  schema: SchemaObject | undefined,
  seen = new Set<string>(),
): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    if (seen.has(name)) return [];
    seen.add(name);
    return propertiesOf(doc, doc.components?.schemas?.[name], seen);
  }
  return [
    ...Object.keys(schema.properties ?? {}),
    ...(schema.allOf ?? []).flatMap((s) => propertiesOf(doc, s, seen)),
  ];
}

/** Every operation of the document, `{param}` rewritten to `:param`. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      operations.push({
        method: method.toUpperCase(),
        template: path.replace(/\{([^}]+)\}/g, ':$1'),
        queryNames: (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => p.name),
        bodyProperties: propertiesOf(
          doc,
          op.requestBody?.content?.['application/json']?.schema,
        ),
        bodyTypes: Object.keys(op.requestBody?.content ?? {}),
      });
    }
  }
  return operations;
}
