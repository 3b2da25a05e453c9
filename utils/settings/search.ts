import { translatorFor } from '../i18n';
import { SETTING_LEAVES } from '../policy/leaves';
import { PLACEMENTS, SECTION_IDS, type SectionId, settingLabel } from './sections';

export interface SettingMatch {
  path: string;
  section: SectionId;
  admin: boolean;
  /** The name matched (not only the description): such settings are listed first. */
  byName: boolean;
}

/** Full-width letters and digits as half-width, case folded: 「ＡＰＩキー」 finds 「APIキー」. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const ja = translatorFor('ja');
const en = translatorFor('en');

/** Per leaf, its names and descriptions in both languages: staff type either, whatever the UI language. */
const INDEX = SETTING_LEAVES.flatMap((leaf) => {
  const placement = PLACEMENTS[leaf.path];
  if (!placement) return [];
  return [
    {
      path: leaf.path,
      section: placement.section,
      admin: placement.admin ?? false,
      names: normalise(`${settingLabel(leaf.path, ja)}\n${settingLabel(leaf.path, en)}\n${leaf.path}`),
      descriptions: normalise(`${leaf.ja}\n${leaf.description}`),
    },
  ];
});

/**
 * Settings whose name or description holds every word of the query (either language), names first,
 * then in page order. Japanese needs no word splitting: a word is matched as a substring.
 */
export function searchSettings(query: string): SettingMatch[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const matches: SettingMatch[] = [];
  for (const entry of INDEX) {
    const all = `${entry.names}\n${entry.descriptions}`;
    if (!words.every((word) => all.includes(word))) continue;
    matches.push({
      path: entry.path,
      section: entry.section,
      admin: entry.admin,
      byName: words.every((word) => entry.names.includes(word)),
    });
  }
  const order = (match: SettingMatch) => SECTION_IDS.indexOf(match.section);
  // Staff settings before admin ones: most people searching are staff.
  return matches.sort(
    (a, b) => Number(b.byName) - Number(a.byName) || Number(a.admin) - Number(b.admin) || order(a) - order(b),
  );
}
