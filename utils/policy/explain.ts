import type { Translator } from '../i18n';
import type { EffectiveSettings } from './resolve';
import type { PolicyProblem } from './validate';

/** An invalid or dropped section (or policy) keeps the last valid values of the keys inside it. */
const isKept = (problem: PolicyProblem, effective: EffectiveSettings) =>
  Object.entries(effective.forced).some(
    ([path, source]) =>
      source === problem.source &&
      (problem.path === '' || path === problem.path || path.startsWith(`${problem.path}.`)),
  );

/** A policy problem in the user's language: which key, what was expected and found, what applies now. */
export function explainPolicyProblem(
  problem: PolicyProblem,
  effective: EffectiveSettings,
  t: Translator,
): string {
  switch (problem.kind) {
    case 'unknown':
      return t('policyProblem_unknown', problem.path);
    case 'user-only':
      return t('policyProblem_userOnly', problem.path);
    case 'unavailable':
      return t('policyProblem_unavailable_url', problem.expected, problem.found);
    case 'dropped':
      return t(
        isKept(problem, effective) ? 'policyProblem_dropped_kept' : 'policyProblem_dropped_default',
        problem.path,
      );
    case 'invalid': {
      const key = isKept(problem, effective) ? 'policyProblem_invalid_kept' : 'policyProblem_invalid_default';
      return t(key, problem.path || '(policy)', problem.expected, problem.found);
    }
  }
}
