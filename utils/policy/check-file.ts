import { EXTENSION_ID, FIREFOX_EXTENSION_ID } from '../extension-ids';
import { splitPolicyKeys } from './policy-keys';
import { type PolicyProblem, validateLeaves } from './validate';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Finds the extension's policy inside the shapes admins actually write: Chrome/Edge's policy file
 * (`3rdparty.extensions.<id>`), Firefox's policies.json (`policies.3rdparty.Extensions.<id>`), the Google
 * Admin console's `{"key": {"Value": …}}` form, or the bare policy object.
 */
export function unwrapPolicy(document: unknown): { policy: unknown; shape: string } {
  if (!isObject(document)) return { policy: document, shape: 'bare' };
  const chrome = (document['3rdparty'] as Record<string, Record<string, unknown>> | undefined)?.extensions?.[
    EXTENSION_ID
  ];
  if (chrome !== undefined) return { policy: chrome, shape: 'chrome' };
  const firefox = isObject(document.policies)
    ? (document.policies['3rdparty'] as Record<string, Record<string, unknown>> | undefined)?.Extensions?.[
        FIREFOX_EXTENSION_ID
      ]
    : undefined;
  if (firefox !== undefined) return { policy: firefox, shape: 'firefox' };
  const values = Object.values(document);
  if (
    values.length > 0 &&
    values.every((value) => isObject(value) && Object.keys(value).join() === 'Value')
  ) {
    return {
      policy: Object.fromEntries(
        Object.entries(document).map(([key, value]) => [key, (value as { Value: unknown }).Value]),
      ),
      shape: 'google-admin',
    };
  }
  return { policy: document, shape: 'bare' };
}

export function describeProblem(problem: PolicyProblem): string {
  const where = problem.path || '(the whole policy)';
  switch (problem.kind) {
    case 'unknown':
      return `unknown key ${where} (ignored; check the spelling against docs/admin.md)`;
    case 'user-only':
      return `${where} cannot be set by policy (each user enters it)`;
    default:
      return `${where}: expected ${problem.expected}, found ${problem.found}`;
  }
}

export function checkPolicyFile(text: string): { ok: boolean; lines: string[] } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      lines: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const { policy, shape } = unwrapPolicy(document);
  // A browser policy file for another extension ID (the usual copy-paste slip) would reach nobody.
  const wrongId =
    shape === 'bare' &&
    isObject(document) &&
    (Object.hasOwn(document, '3rdparty') || Object.hasOwn(document, 'policies'));
  const { values, problems } = validateLeaves(splitPolicyKeys(policy).policy, 'managed');
  const errors = problems.filter((problem) => problem.kind !== 'unknown');
  const lines = [
    `read as: ${shape} policy; ${values.size} valid key(s)`,
    ...(wrongId
      ? [`error: no policy for this extension's ID (${EXTENSION_ID} / ${FIREFOX_EXTENSION_ID}) in this file`]
      : []),
    ...problems.map(
      (problem) => `${problem.kind === 'unknown' ? 'warning' : 'error'}: ${describeProblem(problem)}`,
    ),
  ];
  const ok = errors.length === 0 && !wrongId;
  if (ok) lines.push('OK');
  return { ok, lines };
}
