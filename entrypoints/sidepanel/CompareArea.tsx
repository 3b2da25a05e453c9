import { CompareView } from '../../components/CompareView';
import { Notice } from '../../components/Notice';
import { UsageLine } from '../../components/UsageLine';
import type { CompareState } from '../../hooks/useCompare';
import { explainGatewayError } from '../../utils/gateway/explain';
import type { Translator, UiLanguage } from '../../utils/i18n';
import { modelTitle } from '../../utils/settings/model-choice';
import type { ModelEntry } from '../../utils/settings/schema';

interface Props {
  state: CompareState;
  models: ModelEntry[];
  gatewayOrigin: string;
  language: UiLanguage;
  t: Translator;
  onStop(): void;
  onKeep(answerId: string): void;
}

/** The side panel's Compare: the question, then each model's answer as it streams, with usage and errors. */
export function CompareArea({ state, models, gatewayOrigin, language, t, onStop, onKeep }: Props) {
  const mapping = state.conversation.piiMapping ?? [];
  // An action's question is its prompt with the page text fenced in: the selected text says it better.
  const questions = state.history.filter((message) => message.role === 'user');
  const question =
    questions.length === 1 && state.conversation.input !== undefined
      ? state.conversation.input
      : (questions.at(-1)?.content ?? '');
  return (
    <CompareView
      heading={t('compareTitle')}
      question={question}
      answers={state.answers}
      streamingIds={state.streamingIds}
      labels={{ stop: t('stop'), keep: t('compareKeep') }}
      modelTitle={(id) =>
        modelTitle(
          models.find((model) => model.id === id),
          id,
        )
      }
      mapping={mapping}
      footer={(answer) => {
        const error = state.errors[answer.id];
        return (
          <>
            <UsageLine
              usage={answer.usage}
              locale={language}
              format={(input, output) => t('usageTokens', input, output)}
            />
            {error && (
              <Notice tone={error.kind === 'aborted' ? 'info' : 'error'}>
                {explainGatewayError(error, t, { model: answer.model, gatewayOrigin })}
              </Notice>
            )}
          </>
        );
      }}
      onStop={onStop}
      onKeep={onKeep}
    />
  );
}
