import { useEffect, useId, useRef, useState } from 'react';
import type { Template } from '../utils/settings/schema';
import { renderTemplate, type TemplateValues } from '../utils/templates/render';

export interface TemplateFormLabels {
  required: string;
  optional: string;
  send: string;
  cancel: string;
  missing: string;
  draftNote: string;
}

interface Props {
  template: Template;
  labels: TemplateFormLabels;
  disabled: boolean;
  /** `shown` is what the user filled in, one field a line: their bubble shows it instead of the prompt. */
  onSend(prompt: string, shown: string): void;
  onCancel(): void;
}

/** A template's small form: named fields, required ones checked before anything is sent. */
export function TemplateForm({ template, labels, disabled, onSend, onCancel }: Props) {
  const [values, setValues] = useState<TemplateValues>({});
  const [missing, setMissing] = useState<string[]>([]);
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const fields = template.fields ?? [];
  // Opening a template takes the keyboard to its first field, not back to the list it was picked from.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);
  return (
    <form
      ref={form}
      className="template-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const rendered = renderTemplate(template, values);
        if (!rendered.ok) {
          setMissing(rendered.missing);
          document.getElementById(`${id}-${rendered.missing[0]}`)?.focus();
          return;
        }
        const shown = fields
          .filter((field) => (values[field.name] ?? '').trim() !== '')
          .map((field) => `${field.label}: ${(values[field.name] ?? '').trim()}`)
          .join('\n');
        onSend(rendered.prompt, shown);
      }}
    >
      <h2 id={`${id}-title`}>{template.title}</h2>
      {template.description && <p>{template.description}</p>}
      {fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        const invalid = missing.includes(field.name);
        const common = {
          id: fieldId,
          name: field.name,
          value: values[field.name] ?? '',
          placeholder: field.placeholder,
          required: field.required,
          'aria-invalid': invalid || undefined,
          'aria-describedby': invalid ? `${fieldId}-error` : undefined,
          onChange: (event: { target: { value: string } }) => {
            setValues((current) => ({ ...current, [field.name]: event.target.value }));
            if (invalid) setMissing((current) => current.filter((name) => name !== field.name));
          },
        };
        return (
          <div key={field.name} className="template-field">
            <label htmlFor={fieldId}>
              {field.label}{' '}
              <span className={field.required ? 'required' : 'optional'}>
                {field.required ? labels.required : labels.optional}
              </span>
            </label>
            {field.multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
            {invalid && (
              <p id={`${fieldId}-error`} className="field-error" role="alert">
                {labels.missing}
              </p>
            )}
          </div>
        );
      })}
      <p className="hint">{labels.draftNote}</p>
      <div className="toolbar">
        <button type="submit" disabled={disabled}>
          {labels.send}
        </button>
        <button type="button" onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
    </form>
  );
}
