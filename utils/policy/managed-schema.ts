import { z } from 'zod';
import { settingsSchema } from '../settings/schema';
import { isSection, leafMeta } from './leaves';
import { POLICY_KEYS, POLICY_KEYS_DOC } from './policy-keys';

type ChromeSchema = {
  type: 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'number';
  description?: string;
  properties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  items?: ChromeSchema;
  sensitiveValue?: boolean;
};

/**
 * Chrome accepts a small draft-03 subset, and a value that fails it makes Chrome drop the WHOLE policy
 * without a word. So this schema states types only (no enums, no ranges): values of the right type reach
 * us and zod reports a bad one by name, while the rest of the policy still applies.
 */
function convert(schema: z.ZodType): ChromeSchema {
  if (schema instanceof z.ZodOptional) return convert(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodObject) {
    const properties: Record<string, ChromeSchema> = {};
    for (const [key, child] of Object.entries(schema.shape) as [string, z.ZodType][]) {
      if (leafMeta(child).userOnly) continue;
      properties[key] = withMeta(convert(child), child);
    }
    return { type: 'object', properties };
  }
  if (schema instanceof z.ZodArray) return { type: 'array', items: convert(schema.element as z.ZodType) };
  if (schema instanceof z.ZodRecord) {
    return { type: 'object', additionalProperties: convert(schema.valueType as z.ZodType) };
  }
  if (schema instanceof z.ZodString || schema instanceof z.ZodEnum) return { type: 'string' };
  if (schema instanceof z.ZodBoolean) return { type: 'boolean' };
  if (schema instanceof z.ZodNumber) return { type: schema.isInt ? 'integer' : 'number' };
  throw new Error(`No Chrome policy type for ${schema._zod.def.type}`);
}

function withMeta(converted: ChromeSchema, schema: z.ZodType): ChromeSchema {
  const meta = leafMeta(schema);
  const described =
    meta.description && !isSection(schema) ? { description: `${meta.ja} / ${meta.description}` } : {};
  return { ...described, ...converted, ...(meta.sensitive ? { sensitiveValue: true } : {}) };
}

export function chromeManagedSchema(): ChromeSchema {
  const schema = convert(settingsSchema);
  const listed: ChromeSchema = {
    description: `${POLICY_KEYS_DOC.ja} / ${POLICY_KEYS_DOC.description}`,
    type: 'array',
    items: { type: 'string' },
  };
  return { ...schema, properties: { ...schema.properties, [POLICY_KEYS]: listed } };
}
