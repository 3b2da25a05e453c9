import { BANNED_TERM_LABEL, findBannedTerms } from './banned-term';
import {
  type CustomPattern,
  type CustomScanOptions,
  findCustomPatterns,
  type PatternProblem,
} from './custom-pattern';
import { normaliseForScreening, toOriginalSpan } from './normalise';
import { builtInDetectors } from './registry';
import type { DetectorId, PiiFinding, PiiLabel, PiiSeverity } from './types';

export type PiiMode = 'off' | 'warn' | 'redact' | 'block';

/** The policy's `pii` object (utils/settings/schema.ts) as the screen needs it. */
export interface PiiConfig {
  mode: PiiMode;
  bannedTerms: readonly string[];
  custom: readonly CustomPattern[];
}

/**
 * What the send path does next: `send` (nothing to act on), `review` (warn: show PiiReview and let the user
 * choose), `redact` (replace `actionable` with placeholders, then send), `block` (send nothing).
 */
export type PiiDecision = 'send' | 'review' | 'redact' | 'block';

export interface PiiScreening {
  mode: PiiMode;
  decision: PiiDecision;
  /** Everything found, in text order, without overlaps; includes info findings (法人番号) to show. */
  findings: PiiFinding[];
  /** The findings the mode acts on: severity `high` only, since info findings are never redacted or blocked. */
  actionable: PiiFinding[];
  /** Custom patterns that could not be used (or not on all of the text), for the UI to report. */
  patternProblems: PatternProblem[];
}

interface Candidate {
  detector: DetectorId;
  label: PiiLabel;
  severity: PiiSeverity;
  start: number;
  end: number;
  rank: number;
}

const DECISIONS: Record<Exclude<PiiMode, 'off'>, PiiDecision> = {
  warn: 'review',
  redact: 'redact',
  block: 'block',
};

/**
 * Screens text before it is sent. Runs in time linear in the text for the built-in detectors; custom
 * patterns are bounded by `options.budgetMs` each.
 */
export function screenText(text: string, config: PiiConfig, options: CustomScanOptions = {}): PiiScreening {
  if (config.mode === 'off') {
    return { mode: 'off', decision: 'send', findings: [], actionable: [], patternProblems: [] };
  }
  const normalised = normaliseForScreening(text);
  const candidates: Candidate[] = [];
  let rank = 0;
  for (const detector of builtInDetectors) {
    for (const { start, end, publicAs } of detector.find(normalised.text)) {
      candidates.push({
        start,
        end,
        detector: detector.id,
        label: publicAs ?? detector.label,
        severity: publicAs ? 'info' : detector.severity,
        rank,
      });
    }
    rank += 1;
  }
  for (const span of findBannedTerms(normalised.text, config.bannedTerms)) {
    candidates.push({ ...span, detector: 'banned-term', label: BANNED_TERM_LABEL, severity: 'high', rank });
  }
  rank += 1;
  const custom = findCustomPatterns(normalised.text, config.custom, options);
  for (const hit of custom.hits) {
    const label = { ja: hit.name, en: hit.name };
    candidates.push({ start: hit.start, end: hit.end, detector: 'custom', label, severity: 'high', rank });
  }

  const findings = keepMostSpecific(candidates, normalised.text.length).map((candidate): PiiFinding => {
    const { start, end } = toOriginalSpan(normalised, candidate);
    const { detector, label, severity } = candidate;
    return { detector, label, severity, start, end, text: text.slice(start, end) };
  });
  const actionable = findings.filter((finding) => finding.severity === 'high');
  return {
    mode: config.mode,
    decision: actionable.length === 0 ? 'send' : DECISIONS[config.mode],
    findings,
    actionable,
    patternProblems: custom.problems,
  };
}

/** No character in start..end is taken yet (a plain loop: a subarray per candidate was a measurable cost). */
function isFree(taken: Uint8Array, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) if (taken[index] === 1) return false;
  return true;
}

/**
 * Where findings overlap, high severity wins over info (something to protect is never hidden behind public
 * information), then the longest (a phone number inside an e-mail address is part of the address), then
 * the registry order. Each accepted
 * finding marks its characters, so the check is linear in the text, not quadratic in the findings.
 */
function keepMostSpecific(candidates: Candidate[], length: number): Candidate[] {
  const taken = new Uint8Array(length);
  const ordered = [...candidates].sort(
    (a, b) =>
      Number(b.severity === 'high') - Number(a.severity === 'high') ||
      b.end - b.start - (a.end - a.start) ||
      a.rank - b.rank ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const candidate of ordered) {
    if (!isFree(taken, candidate.start, candidate.end)) continue;
    taken.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
