import { type PiiReplacement, type Redaction, redact } from './redact';
import { type PiiConfig, screenText } from './screen';

/**
 * Text that goes out again (Retry of a long summary, Retranslate) is screened again, never patched by
 * replacing strings: a value written a second way (090-1234-5678, then 09012345678) must be found too.
 * A value seen before keeps the conversation's placeholder. With no placeholders so far and a mode that
 * does not redact, the user (or the policy) chose to send the text as it is, and that choice stands.
 * The returned mapping is the conversation's whole mapping, earlier entries first.
 */
export function redactForResend(
  text: string,
  config: PiiConfig,
  previous: readonly PiiReplacement[],
): Redaction {
  if (previous.length === 0 && config.mode !== 'redact') return { text, mapping: [], used: [] };
  const screening = screenText(text, { ...config, mode: 'redact' });
  const redaction = redact(text, screening.actionable, previous);
  return { ...redaction, mapping: [...previous, ...redaction.mapping] };
}
