import { useCallback, useEffect, useState } from 'react';
import {
  DEFAULT_MINUTES_PER_USE,
  loadMinutesPerUse,
  loadUsageStats,
  resetUsageStats,
  saveMinutesPerUse,
  type UsageStats,
  watchUsageStats,
} from '../utils/usage/stats';

/** The local usage figures and the minutes-per-use estimate, kept fresh as answers are counted. */
export function useUsageStats() {
  const [stats, setStats] = useState<UsageStats>({ weeks: {} });
  const [minutesPerUse, setMinutes] = useState(DEFAULT_MINUTES_PER_USE);
  useEffect(() => {
    const load = () => {
      void loadUsageStats().then(setStats);
      void loadMinutesPerUse().then(setMinutes);
    };
    load();
    return watchUsageStats(load);
  }, []);
  const setMinutesPerUse = useCallback((minutes: number) => {
    setMinutes(minutes);
    void saveMinutesPerUse(minutes);
  }, []);
  const reset = useCallback(async () => {
    await resetUsageStats();
    setStats({ weeks: {} });
  }, []);
  return { stats, minutesPerUse, setMinutesPerUse, reset };
}
