import type { z } from 'zod';
import { settingsSchema } from '../settings/schema';
import { isSection, leafMeta } from './leaves';

export type PolicySource = 'url' | 'managed';
type LeafSource = PolicySource | 'user';

export interface PolicyProblem {
  source: LeafSource;
  /** Dotted key, e.g. `pii.mode`; empty for a problem with the whole source (unreachable URL…). */
  path: string;
  /** `dropped`: named in `policyKeys` but not delivered (the browser drops a key holding a wrong-typed value). */
  kind: 'invalid' | 'unknown' | 'user-only' | 'unavailable' | 'dropped';
  /** What the key takes, in words (English/technical; the UI adds its own sentence around it). */
  expected: string;
  /** What was found, shortened. */
  found: string;
}

export interface ValidatedPolicy {
  /** Valid leaves by dotted path. */
  values: Map<string, unknown>;
  problems: PolicyProblem[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function describeFound(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** A short human description of what a leaf accepts, taken from the schema itself. */
export function describeExpected(schema: z.ZodType): string {
  const def = schema._zod.def;
  switch (def.type) {
    case 'enum':
      return `one of ${Object.values((def as unknown as { entries: Record<string, string> }).entries).join(' / ')}`;
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a whole number of 0 or more';
    case 'string': {
      // A checked string says what it takes in its own message (an URL, an https:// URL…).
      const message = schema.safeParse('\u0000').error?.issues[0]?.message;
      return message ? `${message} (or "")` : 'text';
    }
    case 'array':
      return 'a list (JSON array) of the documented entries';
    case 'record':
      return 'an object of names to text values';
    case 'object':
      return 'an object with the documented keys';
    default:
      return def.type;
  }
}

/**
 * Checks each key on its own, so that one bad key never loses the others. Keys the schema does not know
 * are reported, not fatal; user-only keys (the user's API key) are refused from a policy.
 */
export function validateLeaves(raw: unknown, source: LeafSource): ValidatedPolicy {
  const values = new Map<string, unknown>();
  const problems: PolicyProblem[] = [];
  if (!isPlainObject(raw)) {
    problems.push({
      source,
      path: '',
      kind: 'invalid',
      expected: 'a JSON object',
      found: describeFound(raw),
    });
    return { values, problems };
  }
  const walk = (section: z.ZodObject, node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const schema = Object.hasOwn(section.shape, key) ? (section.shape[key] as z.ZodType) : undefined;
      if (!schema) {
        problems.push({
          source,
          path,
          kind: 'unknown',
          expected: 'a documented key',
          found: describeFound(value),
        });
      } else if (isSection(schema)) {
        if (isPlainObject(value)) walk(schema, value, path);
        else
          problems.push({
            source,
            path,
            kind: 'invalid',
            expected: describeExpected(schema),
            found: describeFound(value),
          });
      } else if (source !== 'user' && leafMeta(schema).userOnly) {
        problems.push({ source, path, kind: 'user-only', expected: 'not set by policy', found: '…' });
      } else {
        const parsed = schema.safeParse(value);
        if (parsed.success) values.set(path, parsed.data);
        else
          problems.push({
            source,
            path,
            kind: 'invalid',
            expected: describeExpected(schema),
            found: describeFound(value),
          });
      }
    }
  };
  walk(settingsSchema, raw, '');
  return { values, problems };
}
