import { useCallback, useEffect, useState } from 'react';
import { migrateMinutesPerUse } from '../utils/usage/minutes-saved';
import { loadUsageStats, resetUsageStats, type UsageStats, watchUsageStats } from '../utils/usage/stats';

/** The local usage figures, kept fresh as answers are counted. */
export function useUsageStats() {
  const [stats, setStats] = useState<UsageStats>({ weeks: {} });
  useEffect(() => {
    const load = () => void loadUsageStats().then(setStats);
    load();
    // The usage report is where the old single figure was set: carry it over before anyone reads it.
    void migrateMinutesPerUse();
    return watchUsageStats(load);
  }, []);
  const reset = useCallback(async () => {
    await resetUsageStats();
    setStats({ weeks: {} });
  }, []);
  return { stats, reset };
}
