import type { Template } from '../settings/schema';

export type TemplateValues = Record<string, string>;

export type RenderedTemplate = { ok: true; prompt: string } | { ok: false; missing: string[] };

const PLACEHOLDER = /\{\{([\p{L}\p{N}_-]+)\}\}/gu;

/** Fields the user must fill before the template can be sent (blank or whitespace counts as empty). */
export function missingFields(template: Template, values: TemplateValues): string[] {
  return (template.fields ?? [])
    .filter((field) => field.required && !values[field.name]?.trim())
    .map((field) => field.name);
}

/**
 * Fills a template's form into its prompt. A line whose only placeholders are empty optional fields is
 * dropped, together with a Markdown heading right above it, so the model never sees "# 材料" with nothing
 * under it; a placeholder for no field is left as written.
 */
export function renderTemplate(template: Template, values: TemplateValues): RenderedTemplate {
  const missing = missingFields(template, values);
  if (missing.length > 0) return { ok: false, missing };
  const names = new Set((template.fields ?? []).map((field) => field.name));
  const answer = (name: string) => values[name]?.trim() ?? '';
  const lines = template.prompt.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const used = [...line.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
    const ours = used.filter((name) => names.has(name));
    if (ours.length > 0 && ours.every((name) => answer(name) === '')) {
      if (kept.at(-1)?.startsWith('#')) kept.pop();
      continue;
    }
    kept.push(line.replace(PLACEHOLDER, (match, name: string) => (names.has(name) ? answer(name) : match)));
  }
  return {
    ok: true,
    prompt: kept
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  };
}
