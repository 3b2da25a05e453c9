import { useId, useMemo, useRef, useState } from 'react';
import type { Template } from '../utils/settings/schema';
import { type CatalogueEntry, searchTemplates, type TemplateSource } from '../utils/templates/catalogue';

export interface TemplatePickerLabels {
  title: string;
  search: string;
  allCategories: string;
  categories: string;
  /** For a template without fields: its text goes into the message box. */
  use: string;
  /** For a template with a form. */
  fill: string;
  remove: string;
  noMatch: string;
  sources: Record<TemplateSource, string>;
  addOwn: string;
  ownTitle: string;
  ownPrompt: string;
  saveOwn: string;
}

interface Props {
  labels: TemplatePickerLabels;
  entries: CatalogueEntry[];
  allowUserTemplates: boolean;
  onUse(template: Template): void;
  onRemove(id: string): void;
  onSave(title: string, prompt: string): void;
}

/** The template library: categories, search as you type, and the user's own templates. */
export function TemplatePicker({ labels, entries, allowUserTemplates, onUse, onRemove, onSave }: Props) {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [ownTitle, setOwnTitle] = useState('');
  const [ownPrompt, setOwnPrompt] = useState('');
  const [adding, setAdding] = useState(false);
  const id = useId();
  const list = useRef<HTMLDetailsElement>(null);
  const categories = useMemo(
    () => [
      ...new Set(entries.map((entry) => entry.template.category).filter((name): name is string => !!name)),
    ],
    [entries],
  );
  const shown = searchTemplates(entries, query).filter(
    (entry) => !category || entry.template.category === category,
  );
  if (entries.length === 0 && !allowUserTemplates) return null;
  return (
    <details className="templates" ref={list}>
      <summary>{labels.title}</summary>
      <div className="template-filters">
        <label htmlFor={`${id}-search`}>{labels.search}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <fieldset className="chips">
          <legend className="visually-hidden">{labels.categories}</legend>
          {['', ...categories].map((name) => (
            <button
              key={name || 'all'}
              type="button"
              aria-pressed={category === name}
              onClick={() => setCategory(name)}
            >
              {name || labels.allCategories}
            </button>
          ))}
        </fieldset>
      </div>
      <ul>
        {shown.map(({ template, source }) => {
          const hasForm = (template.fields?.length ?? 0) > 0;
          const action = hasForm ? labels.fill : labels.use;
          return (
            <li key={template.id}>
              <span className="template-name">
                <span className="badge">{labels.sources[source]}</span>
                {template.category && <span className="badge">{template.category}</span>} {template.title}
                {template.description && <small>{template.description}</small>}
              </span>
              <span className="template-buttons">
                <button
                  type="button"
                  onClick={() => {
                    // The list gives the panel back to the form or the message box it fills.
                    if (list.current) list.current.open = false;
                    onUse(template);
                  }}
                  aria-label={`${action}: ${template.title}`}
                >
                  {action}
                </button>
                {source === 'user' && (
                  <button
                    type="button"
                    onClick={() => onRemove(template.id)}
                    aria-label={`${labels.remove}: ${template.title}`}
                  >
                    {labels.remove}
                  </button>
                )}
              </span>
            </li>
          );
        })}
        {shown.length === 0 && <li className="hint">{labels.noMatch}</li>}
      </ul>
      {allowUserTemplates && (
        <div className="own-template">
          <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {labels.addOwn}
          </button>
          {adding && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (!ownTitle.trim() || !ownPrompt.trim()) return;
                onSave(ownTitle.trim(), ownPrompt.trim());
                setOwnTitle('');
                setOwnPrompt('');
                setAdding(false);
              }}
            >
              <label>
                {labels.ownTitle}
                <input required value={ownTitle} onChange={(event) => setOwnTitle(event.target.value)} />
              </label>
              <label>
                {labels.ownPrompt}
                <textarea
                  required
                  rows={3}
                  value={ownPrompt}
                  onChange={(event) => setOwnPrompt(event.target.value)}
                />
              </label>
              <button type="submit">{labels.saveOwn}</button>
            </form>
          )}
        </div>
      )}
    </details>
  );
}
