import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Translator } from '../utils/i18n';
import { type CommandInfo, describeShortcuts } from '../utils/shortcuts';

/** Our keyboard shortcuts with the binding in force, read from the browser (the user may have changed them). */
export function useShortcuts(t: Translator) {
  const [commands, setCommands] = useState<CommandInfo[]>([]);
  useEffect(() => {
    browser.commands
      .getAll()
      .then(setCommands)
      .catch(() => setCommands([]));
  }, []);
  return describeShortcuts(commands, t);
}
