import type { ConversationRecord, MessageRecord } from '../../utils/history/db';

export const JUNE_2_MORNING = Date.UTC(2025, 5, 2, 0, 30);
export const DAY = 24 * 60 * 60 * 1000;

export function conversation(
  overrides: Partial<ConversationRecord> & Pick<ConversationRecord, 'id'>,
): ConversationRecord {
  return {
    kind: 'action',
    action: 'summarize',
    title: '要約する: 令和7年度 住民税の納付について',
    model: 'gpt-4.1-mini',
    pageUrl: 'https://www.city.example.lg.jp/kurashi/zei/juminzei.html',
    pageTitle: '住民税の納付について｜〇〇市',
    input: '令和7年度の住民税（普通徴収）の第1期納付期限は6月30日です。',
    system: 'You help staff of a Japanese municipal office draft and check documents.',
    status: 'complete',
    createdAt: JUNE_2_MORNING,
    updatedAt: JUNE_2_MORNING,
    ...overrides,
  };
}

export function message(
  overrides: Partial<MessageRecord> &
    Pick<MessageRecord, 'id' | 'conversationId' | 'role' | 'content' | 'createdAt'>,
): MessageRecord {
  return {
    model: 'gpt-4.1-mini',
    status: 'complete',
    updatedAt: overrides.createdAt,
    seq: overrides.createdAt * 1000 + (overrides.role === 'user' ? 0 : 1),
    ...overrides,
  };
}

/** A chat about an assembly answer and a polite reply to a complaint at the counter. */
export function officeHistory(): { conversations: ConversationRecord[]; messages: MessageRecord[] } {
  const gikai = conversation({
    id: 'c-gikai',
    kind: 'chat',
    action: undefined,
    title: '令和7年第3回定例会の議会答弁案',
    pageUrl: undefined,
    pageTitle: undefined,
    input: undefined,
    model: 'claude-sonnet-4-5',
    updatedAt: JUNE_2_MORNING + 2 * DAY,
    createdAt: JUNE_2_MORNING + 2 * DAY,
  });
  const madoguchi = conversation({
    id: 'c-madoguchi',
    action: 'polite',
    title: '丁寧にする: 窓口での苦情への回答',
    pageTitle: '市民の声｜〇〇市',
    input: '書類がないと受け取れません。平日に来てください。',
    updatedAt: JUNE_2_MORNING + DAY,
    createdAt: JUNE_2_MORNING + DAY,
  });
  const english = conversation({
    id: 'c-english',
    action: 'translate',
    title: 'Translate: garbage collection calendar',
    pageTitle: 'Garbage Collection｜City of Yaita',
    input: 'Burnable garbage is collected on Mondays and Thursdays.',
    model: 'gpt-4.1-mini',
    updatedAt: JUNE_2_MORNING,
  });
  const messages = [
    message({
      id: 'm-gikai-q',
      conversationId: 'c-gikai',
      role: 'user',
      content: '子育て支援の拡充について、市長答弁の案を作ってください。',
      createdAt: gikai.createdAt + 1,
      model: 'claude-sonnet-4-5',
    }),
    message({
      id: 'm-gikai-a',
      conversationId: 'c-gikai',
      role: 'assistant',
      content:
        'ご質問の子育て支援の拡充についてお答えいたします。本市では、令和8年度から保育料の軽減を拡大します。',
      createdAt: gikai.createdAt + 2,
      model: 'claude-sonnet-4-5',
    }),
    message({
      id: 'm-madoguchi-a',
      conversationId: 'c-madoguchi',
      role: 'assistant',
      content:
        'お手数をおかけしますが、本人確認書類をお持ちのうえ、平日の開庁時間にお越しください。議会答弁とは関係ありません。',
      createdAt: madoguchi.createdAt + 1,
    }),
    message({
      id: 'm-english-a',
      conversationId: 'c-english',
      role: 'assistant',
      content: '燃えるごみは月曜日と木曜日に収集します。',
      createdAt: english.createdAt + 1,
    }),
  ];
  return { conversations: [gikai, madoguchi, english], messages };
}
