/**
 * What found a piece of text. `banned-term` and `custom` come from the policy, the rest are built in. The one
 * list: the history export's schema takes its enum from here.
 */
export const DETECTOR_IDS = [
  'my-number',
  'corporate-number',
  'phone',
  'email',
  'postal-code',
  'card-number',
  'bank-account',
  'birth-date',
  'person-name',
  'address',
  'banned-term',
  'custom',
] as const;

export type DetectorId = (typeof DETECTOR_IDS)[number];

export interface PiiLabel {
  ja: string;
  en: string;
}

/** `info` is public information (法人番号): shown to the user, never redacted or blocked. */
export type PiiSeverity = 'high' | 'info';

export interface PiiFinding {
  detector: DetectorId;
  label: PiiLabel;
  severity: PiiSeverity;
  /** Offsets into the text the user wrote (not the normalised copy), so the UI can highlight them. */
  start: number;
  end: number;
  /** `original.slice(start, end)`. */
  text: string;
}

/** A hit in the normalised text, before it is mapped back to the original. */
export interface Span {
  start: number;
  end: number;
  /**
   * A value of this kind that is public by its context (a department's published number, a facility's
   * address): reported with this label as information, never redacted or blocked.
   */
  publicAs?: PiiLabel;
}

/** A built-in detector: one file each, listed in `registry.ts`. */
export interface Detector {
  id: DetectorId;
  label: PiiLabel;
  severity: PiiSeverity;
  /** Finds hits in text already passed through `normaliseForScreening`. */
  find(normalised: string): Span[];
}
