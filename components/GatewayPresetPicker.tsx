import { useState } from 'react';
import type { GatewayPreset } from '../utils/gateway/presets';
import { presetPlaceholders } from '../utils/gateway/presets';
import type { UiLanguage } from '../utils/i18n';

interface Props {
  presets: readonly GatewayPreset[];
  language: UiLanguage;
  labels: { preset: string; custom: string; apply: string; help: string };
  onApply(preset: GatewayPreset, values: Record<string, string>): void;
}

/** Pick a known gateway, fill in its `{placeholders}`, and its settings go into the form (data, no branches). */
export function GatewayPresetPicker({ presets, language, labels, onApply }: Props) {
  const [presetId, setPresetId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const preset = presets.find((entry) => entry.id === presetId);
  return (
    <div className="gateway-preset">
      <label className="setting">
        <span className="setting-label">{labels.preset}</span>
        <select
          value={presetId}
          onChange={(event) => {
            setPresetId(event.target.value);
            setValues({});
          }}
        >
          <option value="">{labels.custom}</option>
          {presets.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
        <small>{labels.help}</small>
      </label>
      {preset && (
        <div className="preset-details">
          <p className="preset-url">
            <code>{preset.gateway.baseUrl}</code>
          </p>
          <p className="hint">{preset.note[language]}</p>
          {presetPlaceholders(preset).map((name) => {
            const doc = preset.placeholders[name];
            return (
              <label key={name} className="setting">
                <span className="setting-label">{`{${name}}: ${doc?.[language] ?? name}`}</span>
                <input
                  type="text"
                  autoComplete="off"
                  placeholder={doc?.example}
                  value={values[name] ?? ''}
                  onChange={(event) => setValues({ ...values, [name]: event.target.value })}
                />
              </label>
            );
          })}
          <button type="button" onClick={() => onApply(preset, values)}>
            {labels.apply}
          </button>
        </div>
      )}
    </div>
  );
}
