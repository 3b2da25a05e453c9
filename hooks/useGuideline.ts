import { useEffect, useState } from 'react';
import {
  acceptGuideline,
  type GuidelineAcceptance,
  mustAcceptGuideline,
  readAcceptance,
  watchAcceptance,
} from '../utils/policy/guideline';
import type { Settings } from '../utils/settings/schema';

/** Whether the guideline still has to be accepted (`null` while unknown: treat as "not yet"). */
export function useGuideline(guideline: Settings['guideline'] | undefined) {
  const [acceptance, setAcceptance] = useState<GuidelineAcceptance | undefined | null>(null);
  useEffect(() => {
    void readAcceptance().then(setAcceptance);
    return watchAcceptance(setAcceptance);
  }, []);
  const mustAccept = !guideline || acceptance === null ? true : mustAcceptGuideline(guideline, acceptance);
  return {
    mustAccept: guideline?.requireAcceptance ? mustAccept : false,
    acceptance: acceptance ?? undefined,
    accept: () => (guideline ? acceptGuideline(guideline.version) : Promise.resolve()),
  };
}
