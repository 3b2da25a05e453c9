import { useCallback, useEffect, useState } from 'react';
import { loadPiiDictionaries, piiDictionariesLoaded } from '../utils/pii/load-dictionaries';
import { type PiiReplacement, type Redaction, redact } from '../utils/pii/redact';
import { type PiiConfig, type PiiScreening, screenText } from '../utils/pii/screen';

/** What actually leaves the machine, and the placeholders that stand in for personal data in it. */
export interface Outgoing {
  text: string;
  mapping: PiiReplacement[];
}

export interface PiiReview {
  text: string;
  screening: PiiScreening;
  sendAnyway(): void;
  redactAndSend(): void;
  cancel(): void;
}

/**
 * Screens text before it is sent, as the organisation's `pii.mode` says: send, redact, ask the user
 * (warn) or refuse (block). Nothing reaches `send` until that is settled.
 */
export function usePiiGate(config: PiiConfig | undefined) {
  const [review, setReview] = useState<PiiReview | null>(null);
  const [lastScreening, setLastScreening] = useState<PiiScreening | null>(null);
  /** The placeholders the last request actually carried, for the notice (reused ones keep their number). */
  const [sentPlaceholders, setSentPlaceholders] = useState<string[]>([]);

  const screening = config !== undefined && config.mode !== 'off';
  // The name lists load in the background as soon as screening is on, not on the first send.
  useEffect(() => {
    if (screening) void loadPiiDictionaries().catch(() => undefined);
  }, [screening]);

  const screen = useCallback(
    async (
      text: string,
      previous: readonly PiiReplacement[],
      send: (outgoing: Outgoing) => void,
      onCancel?: () => void,
    ) => {
      const effective = config ?? { mode: 'off' as const, bannedTerms: [], custom: [] };
      // Usually loaded long before; without the lists, names are still found by their labels and honorifics.
      if (effective.mode !== 'off' && !piiDictionariesLoaded()) {
        await loadPiiDictionaries().catch(() => undefined);
      }
      const screening = screenText(text, effective);
      setLastScreening(screening);
      setSentPlaceholders([]);
      const redacted = (): Redaction => {
        const redaction = redact(text, screening.actionable, previous);
        setSentPlaceholders(redaction.used);
        return redaction;
      };
      const done = (outgoing: Outgoing) => {
        setReview(null);
        send(outgoing);
      };
      const cancel = () => {
        setReview(null);
        onCancel?.();
      };
      switch (screening.decision) {
        case 'send':
          return send({ text, mapping: [] });
        case 'redact':
          return send(redacted());
        case 'review':
          return setReview({
            text,
            screening,
            sendAnyway: () => done({ text, mapping: [] }),
            redactAndSend: () => done(redacted()),
            cancel,
          });
        case 'block':
          return setReview({ text, screening, sendAnyway: cancel, redactAndSend: cancel, cancel });
      }
    },
    [config],
  );

  return { review, lastScreening, sentPlaceholders, screen, dismiss: () => setReview(null) };
}
