import type { ModelEntry } from './schema';

/**
 * The options page's model list as text, one model a line: `id`, or `id | label | purpose` so the picker
 * shows "PLaMo（国産） — 日本語の公用文". Fields the text cannot show (apiFormat, baseUrl, headers) are kept
 * from the model with the same id.
 */
export function modelsFromLines(lines: string, previous: ModelEntry[] = []): ModelEntry[] {
  const seen = new Set<string>();
  const models: ModelEntry[] = [];
  for (const line of lines.split('\n')) {
    const [id = '', label = '', purpose = ''] = line.split('|').map((part) => part.trim());
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const { label: _label, purpose: _purpose, ...kept } = previous.find((model) => model.id === id) ?? { id };
    models.push({ ...kept, id, ...(label ? { label } : {}), ...(purpose ? { purpose } : {}) });
  }
  return models;
}

export function modelsToLines(models: ModelEntry[]): string {
  return models
    .map((model) => {
      if (model.purpose) return `${model.id} | ${model.label ?? ''} | ${model.purpose}`;
      return model.label ? `${model.id} | ${model.label}` : model.id;
    })
    .join('\n');
}

/** The text with the ids not listed yet added at the end, one a line. */
export function addModelIds(lines: string, ids: string[]): { lines: string; added: number } {
  const listed = new Set(modelsFromLines(lines).map((model) => model.id));
  const added = ids.filter((id) => !listed.has(id));
  const kept = lines.replace(/\s+$/, '');
  return { lines: [kept, ...added].filter(Boolean).join('\n'), added: added.length };
}
