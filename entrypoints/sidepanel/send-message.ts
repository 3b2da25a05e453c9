import type { useCompare } from '../../hooks/useCompare';
import type { useCompareSetup } from '../../hooks/useCompareSetup';
import type { ChatStart, useConversation } from '../../hooks/useConversation';
import type { PageContext } from '../../hooks/usePageQuestion';
import type { usePiiGate } from '../../hooks/usePiiGate';
import type { MessageKey } from '../../utils/i18n';
import { PAGE_CHAT_SYSTEM_PROMPT, pageQuestionMessage } from '../../utils/page/page-question';

export interface Sender {
  conversation: ReturnType<typeof useConversation>;
  compare: ReturnType<typeof useCompare>;
  compareSetup: ReturnType<typeof useCompareSetup>;
  pii: ReturnType<typeof usePiiGate>;
  /** The page being asked about, before the first question. */
  page: PageContext | null;
  model: string;
  showConversation(): void;
  setProblem(problem: MessageKey | null): void;
}

/** Screens the outgoing text, then sends it as a chat; `restore` puts it back when the user cancels. */
export function sendScreened(
  sender: Sender,
  text: string,
  start: ChatStart | undefined,
  restore: () => void,
) {
  const { conversation, pii, model } = sender;
  sender.showConversation();
  pii.screen(
    text,
    conversation.state.conversation?.piiMapping ?? [],
    (outgoing) => void conversation.sendChat(text, model, outgoing, start),
    restore,
  );
}

/** What the chat box's Send does: a Compare, the first question about a page, or a chat message. */
export function sendFromChatBox(sender: Sender, text: string, restore: () => void) {
  const { conversation, compare, compareSetup, pii, page } = sender;
  if (compareSetup.mode === 'chat') {
    if (compareSetup.models.length < 2) {
      sender.setProblem('compareNeedTwo');
      restore();
      return;
    }
    sender.setProblem(null);
    sender.showConversation();
    compareSetup.close();
    const current = conversation.state;
    const models = compareSetup.models;
    pii.screen(
      text,
      current.conversation?.piiMapping ?? [],
      (outgoing) => void compare.compareChat(text, outgoing, models, current),
      restore,
    );
    return;
  }
  sender.setProblem(null);
  if (page && !conversation.state.conversation) {
    // The page's text travels inside the data fence with the first question; the whole message is
    // screened for personal data like any other.
    const message = pageQuestionMessage(page.article, page.pageUrl, text);
    const start = {
      system: PAGE_CHAT_SYSTEM_PROMPT,
      title: `${page.article.title}: ${text}`.slice(0, 60),
      pageUrl: page.pageUrl,
      pageTitle: page.article.title,
    };
    sendScreened(sender, message, start, restore);
    return;
  }
  sendScreened(sender, text, undefined, restore);
}
