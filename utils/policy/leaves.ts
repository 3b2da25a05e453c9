import { z } from 'zod';
import { settingsSchema } from '../settings/schema';

/**
 * A setting is a leaf of the schema: anything that is not a nested section object. A policy forces
 * leaves, so an admin can set `gateway.baseUrl` and leave `gateway.auth` to the user.
 */
export interface SettingLeaf {
  path: string;
  schema: z.ZodType;
  ja: string;
  description: string;
  sensitive: boolean;
  userOnly: boolean;
  example?: unknown;
}

export interface LeafMeta {
  ja?: string;
  description?: string;
  sensitive?: boolean;
  userOnly?: boolean;
  example?: unknown;
}

export function leafMeta(schema: z.ZodType): LeafMeta {
  return (schema.meta() ?? {}) as LeafMeta;
}

export function isSection(schema: z.ZodType): schema is z.ZodObject {
  return schema instanceof z.ZodObject && !leafMeta(schema).description;
}

function collect(section: z.ZodObject, prefix: string, into: SettingLeaf[]): SettingLeaf[] {
  for (const [key, schema] of Object.entries(section.shape) as [string, z.ZodType][]) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isSection(schema)) {
      collect(schema, path, into);
      continue;
    }
    const meta = leafMeta(schema);
    into.push({
      path,
      schema,
      ja: meta.ja ?? '',
      description: meta.description ?? '',
      sensitive: meta.sensitive ?? false,
      userOnly: meta.userOnly ?? false,
      example: meta.example,
    });
  }
  return into;
}

export const SETTING_LEAVES: readonly SettingLeaf[] = collect(settingsSchema, '', []);
const BY_PATH = new Map(SETTING_LEAVES.map((leaf) => [leaf.path, leaf]));

export function findLeaf(path: string): SettingLeaf | undefined {
  return BY_PATH.get(path);
}

export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop();
  if (last === undefined) return;
  let node = root;
  for (const key of keys) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = value;
}
