import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../utils/history/db';
import { indexNow, saveConversation, saveMessage, setHistoryPrivacy } from '../../utils/history/store';
import { redact } from '../../utils/pii/redact';
import { type PiiConfig, screenText } from '../../utils/pii/screen';
import { conversation, message } from './history-fixtures';

const pii: PiiConfig = { mode: 'warn', bannedTerms: [], custom: [] };
const NOTE = '来庁者：山田 太郎 様　携帯 090-4417-2386、個人番号 123456789018 を確認。';
const ORIGINALS = ['山田 太郎', '090-4417-2386', '123456789018'];

async function dump(): Promise<string> {
  await indexNow();
  const [conversations, messages, index] = await Promise.all([
    db.conversations.toArray(),
    db.messages.toArray(),
    db.searchIndex.toArray(),
  ]);
  return JSON.stringify({ conversations, messages, index });
}

async function saveNote() {
  // What the panel holds: the originals on screen, the mapping of what was sent.
  const sent = redact(NOTE, screenText(NOTE, { ...pii, mode: 'redact' }).actionable);
  const record = conversation({
    id: 'c-note',
    title: `要約: ${NOTE}`,
    input: NOTE,
    piiMapping: sent.mapping,
  });
  await saveConversation(record);
  await saveMessage(
    message({ id: 'm-q', conversationId: 'c-note', role: 'user', content: sent.text, createdAt: 1 }),
  );
  // The user chose "send anyway" on a follow-up: the message itself holds the originals.
  await saveMessage(
    message({ id: 'm-2', conversationId: 'c-note', role: 'user', content: NOTE, createdAt: 2 }),
  );
}

beforeEach(async () => {
  await db.transaction('rw', db.conversations, db.messages, db.searchIndex, async () => {
    await db.conversations.clear();
    await db.messages.clear();
    await db.searchIndex.clear();
  });
});
afterEach(() => setHistoryPrivacy(null));

describe('history.keepOriginals', () => {
  it('false: no original value anywhere in the database, the same placeholders as were sent', async () => {
    setHistoryPrivacy({ keepOriginals: false, pii });
    await saveNote();
    const stored = await dump();
    for (const original of ORIGINALS) expect(stored).not.toContain(original);
    expect(stored).toContain('[氏名1]');
    expect(stored).toContain('[電話番号2]');
    expect(stored).not.toContain('piiMapping');
  });

  it('true (the default): history keeps the originals, so answers can be shown with them', async () => {
    setHistoryPrivacy({ keepOriginals: true, pii });
    await saveNote();
    const stored = await dump();
    expect(stored).toContain('090-4417-2386');
    expect(stored).toContain('piiMapping');
  });
});
