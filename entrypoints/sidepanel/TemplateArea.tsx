import { memo } from 'react';
import { TemplatePicker } from '../../components/TemplatePicker';
import type { useTemplates } from '../../hooks/useTemplates';
import type { Translator } from '../../utils/i18n';
import type { Template } from '../../utils/settings/schema';

interface Props {
  t: Translator;
  templates: ReturnType<typeof useTemplates>;
  onUse(template: Template): void;
}

/**
 * The prompt templates under the conversation: built-in, the organisation's and the user's own. Memoised:
 * the panel re-renders on every streamed frame, and the whole catalogue is searched and listed here.
 */
export const TemplateArea = memo(function TemplateArea({ t, templates, onUse }: Props) {
  return (
    <TemplatePicker
      labels={{
        title: t('templatesTitle'),
        search: t('templatesSearch'),
        allCategories: t('templatesAllCategories'),
        categories: t('templatesCategories'),
        use: t('templateUse'),
        fill: t('templateFill'),
        remove: t('templateRemove'),
        noMatch: t('templatesNoMatch'),
        sources: {
          builtin: t('templateSource_builtin'),
          organisation: t('templateSource_organisation'),
          user: t('templateSource_user'),
        },
        addOwn: t('templateAddOwn'),
        ownTitle: t('templateOwnTitle'),
        ownPrompt: t('templateOwnPrompt'),
        saveOwn: t('templateSaveOwn'),
      }}
      entries={templates.entries}
      allowUserTemplates={templates.allowUserTemplates}
      onUse={onUse}
      onRemove={(id) => void templates.remove(id)}
      onSave={(title, prompt) => void templates.save(title, prompt)}
    />
  );
});
