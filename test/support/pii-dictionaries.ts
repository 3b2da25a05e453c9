import { nodePiiDictionaries } from '../../scripts/pii-names';
import { installDictionaries } from '../../utils/pii/dictionaries';

/** Installs the name and place lists for the screen, read from the packages (≈1.5 s, once per test file). */
export function installNodeDictionaries(): void {
  installDictionaries(nodePiiDictionaries());
}
