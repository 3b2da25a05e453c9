import type { UiLanguage } from '../i18n';
import type { Settings, Template } from '../settings/schema';
import { builtInTemplates } from './builtin';

export type TemplateSource = 'builtin' | 'organisation' | 'user';

export interface CatalogueEntry {
  template: Template;
  source: TemplateSource;
}

/**
 * The templates one member of staff is offered: the organisation's first, then the built-in library
 * (unless the policy hides it), then their own (unless the policy forbids them). An id used twice keeps
 * its first entry, so an organisation template can replace a built-in one by reusing its id.
 */
export function templateCatalogue(
  settings: Pick<Settings, 'templates' | 'hideBuiltInTemplates' | 'allowUserTemplates'>,
  userTemplates: readonly Template[],
  language: UiLanguage,
): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [
    ...settings.templates.map((template) => ({ template, source: 'organisation' as const })),
    ...(settings.hideBuiltInTemplates ? [] : builtInTemplates(language)).map((template) => ({
      template,
      source: 'builtin' as const,
    })),
    ...(settings.allowUserTemplates ? userTemplates : []).map((template) => ({
      template,
      source: 'user' as const,
    })),
  ];
  const seen = new Set<string>();
  return entries.filter(({ template }) => {
    if (seen.has(template.id)) return false;
    seen.add(template.id);
    return true;
  });
}

/**
 * Search as you type over title, category and description; every space-separated word must match. Matches
 * in the title or category come first: 「議会」 finds the assembly templates before one whose description
 * happens to mention 文化審議会.
 */
export function searchTemplates(entries: readonly CatalogueEntry[], query: string): CatalogueEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const rank = ({ template }: CatalogueEntry) => {
    const named = [template.title, template.category].join(' ').toLowerCase();
    if (words.every((word) => named.includes(word))) return 0;
    const haystack = `${named} ${template.description ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word)) ? 1 : 2;
  };
  return entries
    .map((entry) => ({ entry, rank: rank(entry) }))
    .filter(({ rank }) => rank < 2)
    .sort((a, b) => a.rank - b.rank)
    .map(({ entry }) => entry);
}

export function findTemplate(entries: readonly CatalogueEntry[], id: string): CatalogueEntry | undefined {
  return entries.find((entry) => entry.template.id === id);
}
