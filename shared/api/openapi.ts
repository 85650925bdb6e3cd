import { z } from 'zod';
import { API_ERROR_MEANINGS, type ApiErrorCode } from './errors.js';
import { endpoints, type EndpointSpec } from './endpoints.js';
import { IDEMPOTENCY_HONOURED_HEADER } from './idempotency.js';

type JsonSchema = Record<string, unknown>;

const COMPONENT_REF = '#/components/schemas/';

/** Every answer of the engine carries it; see {@link IDEMPOTENCY_HONOURED_HEADER}. */
const HONOURED_HEADER_REF = { $ref: '#/components/headers/IdempotencyKeyHonoured' };
const HONOURED_HEADER_COMPONENT = {
  description:
    '扩展：本服务遵守 Idempotency-Key（同一键、同一请求的重试只生效一次）。没有此响应头的服务器不保证：客户端在结果未知时不应自动重发写请求',
  schema: { type: 'string', enum: ['true'] },
};

/**
 * One schema as JSON Schema 2020-12. Registered sub-schemas come out as `#/$defs/<id>`; they are all
 * in the components already, so the refs are pointed there and the local `$defs` dropped.
 */
function toSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  delete json.$defs;
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', `"${COMPONENT_REF}`)) as JsonSchema;
}

/** `$ref` to a component when the schema has a registered id, else the inline schema. */
function schemaRef(schema: z.ZodType): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: `${COMPONENT_REF}${id}` } : toSchema(schema);
}

function parameters(spec: EndpointSpec): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, object] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!object) continue;
    for (const [name, field] of Object.entries(object.shape)) {
      const fieldSchema = field as z.ZodType;
      const schema = toSchema(fieldSchema);
      const description = typeof schema.description === 'string' ? schema.description : undefined;
      out.push({
        name,
        in: where,
        required: where === 'path' || !fieldSchema.safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema,
      });
    }
  }
  return out;
}

function requestBody(spec: EndpointSpec): JsonSchema | undefined {
  if (!spec.body) return undefined;
  if (spec.multipartFile) {
    const fields = toSchema(spec.body);
    const properties = (fields.properties ?? {}) as Record<string, JsonSchema>;
    const required = Array.isArray(fields.required) ? (fields.required as string[]) : [];
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              [spec.multipartFile.field]: {
                type: 'string',
                contentMediaType: 'application/octet-stream',
                description: spec.multipartFile.description,
              },
              ...properties,
            },
            required: [spec.multipartFile.field, ...required],
          },
        },
      },
    };
  }
  return { required: true, content: { 'application/json': { schema: schemaRef(spec.body) } } };
}

function errorResponses(spec: EndpointSpec): Record<string, JsonSchema> {
  const codes: ApiErrorCode[] = spec.public ? [404, 429, 500] : [400, 401, 403, 404, 429, 500];
  const out: Record<string, JsonSchema> = {};
  for (const code of codes) {
    out[String(code)] = {
      description: API_ERROR_MEANINGS[code],
      headers: {
        ...(code === 429
          ? { 'Retry-After': { description: '需要等待的秒数', schema: { type: 'integer', minimum: 1 } } }
          : {}),
        [IDEMPOTENCY_HONOURED_HEADER]: HONOURED_HEADER_REF,
      },
      content: { 'application/json': { schema: { $ref: `${COMPONENT_REF}ErrorEnvelope` } } },
    };
  }
  return out;
}

/** The OpenAPI 3.1 document of API v2, generated from the same zod schemas the code uses. */
export function buildOpenApiDocument(
  table: Record<string, EndpointSpec> = endpoints,
  info: { version?: string } = {},
): JsonSchema {
  // Every schema registered with an id (the envelope among them) becomes a component.
  const components = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `${COMPONENT_REF}${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(components.schemas)) {
    // A fragment `$id` is not allowed in 2020-12; the component's place in the document names it.
    delete schema.$schema;
    delete schema.$id;
  }

  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [operationId, spec] of Object.entries(table)) {
    const params = parameters(spec);
    if (spec.idempotent) {
      params.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: `扩展：同一键与相同请求体重试时返回首次结果，不会重复创建；服务器以 ${IDEMPOTENCY_HONOURED_HEADER} 响应头表明遵守此约定`,
        schema: { type: 'string', maxLength: 128 },
      });
    }
    const body = requestBody(spec);
    const operation: JsonSchema = {
      operationId,
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: {
        '200': {
          description: '成功',
          headers: { [IDEMPOTENCY_HONOURED_HEADER]: HONOURED_HEADER_REF },
          content: { 'application/json': { schema: schemaRef(spec.response) } },
        },
        ...errorResponses(spec),
      },
      ...(spec.public ? { security: [] } : {}),
      ...(spec.extension ? { 'x-zxe-extension': true } : {}),
    };
    const path = (paths[spec.path] ??= {});
    path[spec.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: '账小二开放平台 API',
      version: info.version ?? '2.0.0',
      description:
        '通过API将账小二的AI记账能力集成到您的系统中。标注 x-zxe-extension 的接口是本地引擎的扩展。',
    },
    servers: [
      { url: 'https://api.zhangxiaoer.com', description: '账小二云端' },
      { url: 'http://127.0.0.1:8787', description: '本地引擎' },
    ],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer {your_api_key}' },
      },
      schemas: components.schemas,
      headers: { IdempotencyKeyHonoured: HONOURED_HEADER_COMPONENT },
    },
  };
}
