import { z } from 'zod'
import { ApiError } from './schemas.ts'

export interface ApiOperation {
  method: 'get' | 'post'
  path: string
  summary: string
  description?: string
  requestBody?: z.ZodType
  responses: Record<number, { description: string; body?: z.ZodType }>
}

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate and answer with,
 * so the description cannot drift from the behaviour.
 */
export function openApiDocument(operations: readonly ApiOperation[]): Record<string, unknown> {
  const registry = z.registry<{ id: string }>()
  const schemaRef = (schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> => {
    const id = (schema.meta() as { id?: string } | undefined)?.id
    // A request is described as it is sent, before the schema's defaults and transforms.
    if (id === undefined) return z.toJSONSchema(schema, { target: 'draft-2020-12', io })
    if (!registry.has(schema)) registry.add(schema, { id })
    return { $ref: `#/components/schemas/${id}` }
  }

  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of operations) {
    const responses: Record<string, unknown> = {}
    for (const [status, response] of Object.entries(operation.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.body ? { content: { 'application/json': { schema: schemaRef(response.body) } } } : {}),
      }
    }
    responses['401'] ??= { description: 'No valid API key', content: { 'application/json': { schema: schemaRef(ApiError) } } }
    const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }))
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: {
        summary: operation.summary,
        ...(operation.description ? { description: operation.description } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(operation.requestBody
          ? { requestBody: { required: true, content: { 'application/json': { schema: schemaRef(operation.requestBody, 'input') } } } }
          : {}),
        responses,
        security: [{ apiKey: [] }],
      },
    }
  }

  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}`, io: 'output' }) as {
    schemas: Record<string, Record<string, unknown>>
  }
  for (const schema of Object.values(schemas)) delete schema['$id']
  // Schemas with an id met only inside another (a caseload's case) are put under "__shared": each
  // becomes a component of its own, referred to as the others are.
  const shared = schemas['__shared'] as { $defs?: Record<string, Record<string, unknown>> } | undefined
  delete schemas['__shared']
  Object.assign(schemas, shared?.$defs ?? {})
  const components = JSON.parse(
    JSON.stringify(schemas).replaceAll('#/components/schemas/__shared#/$defs/', '#/components/schemas/'),
  ) as Record<string, Record<string, unknown>>

  return {
    openapi: '3.1.0',
    info: {
      title: 'Upstream API',
      version: '1.0.0',
      description:
        'For partner organisations’ systems: the duty to refer (Housing Act 1996 s213B) and what happens to referrals. Authenticate with the API key your housing authority gave your organisation, as `Authorization: Bearer KEY`.',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key made with `npm run cli -- api-key create --organisation NAME`' },
      },
    },
  }
}
