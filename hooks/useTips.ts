import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Tip } from '../utils/settings/schema';
import {
  markTipsRead,
  mergeTips,
  readTipsRead,
  readTipsUrlCache,
  tipKey,
  tipsFromBody,
  watchTips,
} from '../utils/tips/tips';

/** The tips in force (policy + tips URL), newest first, with which ones the user has not seen yet. */
export function useTips(policyTips: readonly Tip[] | undefined, tipsUrl: string | undefined) {
  const [urlTips, setUrlTips] = useState<Tip[]>([]);
  const [read, setRead] = useState<Set<string> | null>(null);
  useEffect(() => {
    const load = async () => {
      const cache = await readTipsUrlCache();
      setUrlTips(tipsUrl && cache?.url === tipsUrl ? tipsFromBody(cache.body) : []);
      setRead(await readTipsRead());
    };
    void load();
    return watchTips(() => void load());
  }, [tipsUrl]);
  const tips = useMemo(() => mergeTips(policyTips ?? [], urlTips), [policyTips, urlTips]);
  const unread = useMemo(
    () => new Set(read ? tips.filter((tip) => !read.has(tipKey(tip))).map(tipKey) : []),
    [tips, read],
  );
  const markAllRead = useCallback(() => markTipsRead(tips), [tips]);
  return { tips, unread, markAllRead };
}
