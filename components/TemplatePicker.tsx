import type { Template } from '../utils/settings/schema';

interface Props {
  title: string;
  useLabel: string;
  templates: Template[];
  onUse(template: Template): void;
}

/** Prompt templates; choosing one puts its text into the message box to fill in and send. */
export function TemplatePicker({ title, useLabel, templates, onUse }: Props) {
  if (templates.length === 0) return null;
  return (
    <details className="templates">
      <summary>{title}</summary>
      <ul>
        {templates.map((template) => (
          <li key={template.id}>
            <span>
              {template.category && <span className="badge">{template.category}</span>} {template.title}
            </span>
            <button
              type="button"
              onClick={() => onUse(template)}
              aria-label={`${useLabel}: ${template.title}`}
            >
              {useLabel}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
