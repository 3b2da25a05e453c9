// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { type ComponentProps, createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatInput } from '../../components/ChatInput';
import { translatorFor } from '../../utils/i18n';

const t = translatorFor('ja');

/** The panel holds the text being written; this stands in for it. */
function Host(props: Omit<ComponentProps<typeof ChatInput>, 'text' | 'onTextChange'>) {
  const [text, setText] = useState('');
  return <ChatInput {...props} text={text} onTextChange={setText} />;
}

function renderChatInput(options: { streaming?: boolean; disabled?: boolean } = {}) {
  const onSend = vi.fn<(text: string) => void>();
  const onStop = vi.fn<() => void>();
  const inputRef = createRef<HTMLTextAreaElement>();
  const view = render(
    <Host
      label={t('chatInputLabel')}
      placeholder={t('chatPlaceholder')}
      sendLabel={t('send')}
      stopLabel={t('stop')}
      streaming={options.streaming ?? false}
      disabled={options.disabled ?? false}
      inputRef={inputRef}
      onSend={onSend}
      onStop={onStop}
    />,
  );
  const textbox = screen.getByRole('textbox', { name: /メッセージ/ }) as HTMLTextAreaElement;
  return { onSend, onStop, inputRef, textbox, view };
}

function type(textbox: HTMLTextAreaElement, text: string) {
  fireEvent.change(textbox, { target: { value: text } });
}

afterEach(() => {
  cleanup();
});

describe('the chat input box', () => {
  it('is labelled for screen readers and reachable through the ref the panel focuses', () => {
    const { textbox, inputRef } = renderChatInput();
    expect(textbox).toHaveProperty('placeholder', t('chatPlaceholder'));
    expect(inputRef.current).toBe(textbox);
  });

  it('sends the message on Enter and clears the box for the next one', () => {
    const { textbox, onSend } = renderChatInput();
    type(textbox, '国民健康保険の資格喪失届について、窓口での案内文を作ってください。');

    fireEvent.keyDown(textbox, { key: 'Enter' });

    expect(onSend).toHaveBeenCalledOnce();
    expect(onSend).toHaveBeenCalledWith('国民健康保険の資格喪失届について、窓口での案内文を作ってください。');
    expect(textbox.value).toBe('');
  });

  it('sends the message when the Send button is pressed', () => {
    const { textbox, onSend } = renderChatInput();
    type(textbox, '来週の説明会の議題を3つ挙げてください。');

    fireEvent.click(screen.getByRole('button', { name: '送信' }));

    expect(onSend).toHaveBeenCalledWith('来週の説明会の議題を3つ挙げてください。');
    expect(textbox.value).toBe('');
  });

  it('does not send on Shift+Enter, which starts a new line instead', () => {
    const { textbox, onSend } = renderChatInput();
    type(textbox, '以下の文を校正してください。');

    const notCancelled = fireEvent.keyDown(textbox, { key: 'Enter', shiftKey: true });

    expect(onSend).not.toHaveBeenCalled();
    expect(notCancelled).toBe(true);
    expect(textbox.value).toBe('以下の文を校正してください。');
  });

  it('does not send when Enter confirms a Japanese IME conversion', () => {
    const { textbox, onSend } = renderChatInput();
    // The user typed 「しんせいしょ」 and presses Enter to turn it into 申請書: the text is still being composed.
    type(textbox, '申請書');

    const notCancelled = fireEvent.keyDown(textbox, { key: 'Enter', isComposing: true });

    expect(onSend).not.toHaveBeenCalled();
    expect(notCancelled).toBe(true);
    expect(textbox.value).toBe('申請書');

    // The next Enter, after the conversion is done, sends.
    fireEvent.keyDown(textbox, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('申請書');
  });

  it.each([
    ['empty', ''],
    ['only spaces and line breaks', '  \n\t '],
    ['only full-width spaces', '　　'],
  ])('does not send an %s message', (_, text) => {
    const { textbox, onSend } = renderChatInput();
    type(textbox, text);

    fireEvent.keyDown(textbox, { key: 'Enter' });

    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '送信' })).toHaveProperty('disabled', true);
  });

  it('sends the text as typed, keeping line breaks inside it', () => {
    const { textbox, onSend } = renderChatInput();
    type(textbox, '件名：説明会のご案内\n本文：下書きをお願いします。');
    fireEvent.keyDown(textbox, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('件名：説明会のご案内\n本文：下書きをお願いします。');
  });

  it('does not send while the gateway is not set up', () => {
    const { textbox, onSend } = renderChatInput({ disabled: true });
    type(textbox, '住民票の請求方法を教えて');

    fireEvent.keyDown(textbox, { key: 'Enter' });

    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '送信' })).toHaveProperty('disabled', true);
    expect(textbox.value).toBe('住民票の請求方法を教えて');
  });
});

describe('while an answer is being written', () => {
  it('shows Stop instead of Send, and Stop stops the answer', () => {
    const { onStop } = renderChatInput({ streaming: true });

    expect(screen.queryByRole('button', { name: '送信' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '停止' }));

    expect(onStop).toHaveBeenCalledOnce();
  });

  it('keeps the next question in the box instead of sending it on Enter', () => {
    const { textbox, onSend, onStop } = renderChatInput({ streaming: true });
    type(textbox, '続けて、英語版も作ってください。');

    fireEvent.keyDown(textbox, { key: 'Enter' });

    expect(onSend).not.toHaveBeenCalled();
    expect(onStop).not.toHaveBeenCalled();
    expect(textbox.value).toBe('続けて、英語版も作ってください。');
  });

  it('lets the user send the kept question once the answer is finished', () => {
    const { textbox, onSend, view } = renderChatInput({ streaming: true });
    type(textbox, '続けて、英語版も作ってください。');

    view.rerender(
      <Host
        label={t('chatInputLabel')}
        placeholder={t('chatPlaceholder')}
        sendLabel={t('send')}
        stopLabel={t('stop')}
        streaming={false}
        disabled={false}
        inputRef={createRef<HTMLTextAreaElement>()}
        onSend={onSend}
        onStop={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '送信' }));

    expect(onSend).toHaveBeenCalledWith('続けて、英語版も作ってください。');
  });
});
