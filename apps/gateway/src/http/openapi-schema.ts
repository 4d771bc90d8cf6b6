import type { ApiBodyOptions } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

type DtoClass = abstract new (...args: never[]) => object;

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

/** The subset of an OpenAPI schema object that validation rules map to. */
interface SchemaObject {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean;
}

/**
 * Builds an OpenAPI schema from a DTO's class-validator rules. The contracts' DTOs carry
 * class-validator decorators but no @ApiProperty, so the document is derived from the same
 * rules that validate the requests and cannot drift from them.
 */
export function schemaFor(dto: DtoClass, depth = 0): SchemaObject {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(
    dto as never,
    '',
    true,
    false,
  );
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const metadata of metadatas) {
    byProperty.set(metadata.propertyName, [
      ...(byProperty.get(metadata.propertyName) ?? []),
      metadata,
    ]);
  }
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  for (const [property, rules] of byProperty) {
    properties[property] = propertySchema(dto, property, rules, depth);
    if (!rules.some((rule) => rule.type === 'conditionalValidation')) {
      required.push(property);
    }
  }

  return {
    type: 'object',
    properties,
    required: required.length ? required : undefined,
    additionalProperties: false,
  };
}

/** `@ApiBody` options for a DTO, with the schema derived by `schemaFor`. */
export function bodySchema(dto: DtoClass, description?: string): ApiBodyOptions {
  return { schema: schemaFor(dto), description } as unknown as ApiBodyOptions;
}

function propertySchema(
  dto: DtoClass,
  property: string,
  rules: ValidationMetadata[],
  depth: number,
): SchemaObject {
  const schema: SchemaObject = {};
  for (const rule of rules) {
    const constraints = (rule.constraints ?? []) as unknown[];
    const target = rule.each ? ((schema.items ??= {}) as SchemaObject) : schema;
    switch (rule.name) {
      case 'isString':
      case 'matches':
        target.type = 'string';
        if (rule.name === 'matches' && constraints[0] instanceof RegExp) {
          target.pattern = constraints[0].source;
        }
        break;
      case 'isEmail':
        Object.assign(target, { type: 'string', format: 'email' });
        break;
      case 'isUUID':
        Object.assign(target, { type: 'string', format: 'uuid' });
        break;
      case 'isInt':
        target.type = 'integer';
        break;
      case 'isNumber':
        target.type = 'number';
        break;
      case 'isBoolean':
        target.type = 'boolean';
        break;
      case 'isObject':
        target.type = 'object';
        break;
      case 'isArray':
        schema.type = 'array';
        schema.items ??= {};
        break;
      case 'isEnum':
        target.enum = constraints[1] as unknown[];
        break;
      case 'isIn':
        target.enum = constraints[0] as unknown[];
        break;
      case 'minLength':
        target.minLength = constraints[0] as number;
        break;
      case 'maxLength':
        target.maxLength = constraints[0] as number;
        break;
      case 'min':
        target.minimum = constraints[0] as number;
        break;
      case 'max':
        target.maximum = constraints[0] as number;
        break;
      case 'arrayMinSize':
        schema.minItems = constraints[0] as number;
        break;
      case 'arrayMaxSize':
        schema.maxItems = constraints[0] as number;
        break;
      default:
        break;
    }
    if (rule.type === 'nestedValidation' && depth < 3) {
      const nested = Reflect.getMetadata('design:type', dto.prototype, property) as
        | DtoClass
        | undefined;
      if (nested && nested !== Object && nested !== Array) {
        Object.assign(schema, schemaFor(nested, depth + 1));
      }
    }
  }

  return schema;
}
