import { useCallback, useEffect, useMemo, useState } from 'react';
import type { UiLanguage } from '../utils/i18n';
import type { Settings, Template } from '../utils/settings/schema';
import { templateCatalogue } from '../utils/templates/catalogue';
import {
  deleteUserTemplate,
  readUserTemplates,
  saveUserTemplate,
  watchUserTemplates,
} from '../utils/templates/user-templates';

/** Every template this person is offered, and saving or deleting their own (when the policy allows). */
export function useTemplates(settings: Settings | null, language: UiLanguage) {
  const [userTemplates, setUserTemplates] = useState<Template[]>([]);
  useEffect(() => {
    void readUserTemplates().then(setUserTemplates);
    return watchUserTemplates(setUserTemplates);
  }, []);
  const entries = useMemo(
    () => (settings ? templateCatalogue(settings, userTemplates, language) : []),
    [settings, userTemplates, language],
  );
  const allowUserTemplates = settings?.allowUserTemplates ?? false;
  const save = useCallback(
    (title: string, prompt: string) =>
      allowUserTemplates
        ? saveUserTemplate({ id: `user-${crypto.randomUUID()}`, title, prompt })
        : Promise.resolve(),
    [allowUserTemplates],
  );
  // One object while nothing changes, so the template list need not re-render with the panel.
  return useMemo(
    () => ({ entries, allowUserTemplates, save, remove: deleteUserTemplate }),
    [entries, allowUserTemplates, save],
  );
}
