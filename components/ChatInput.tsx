import type { KeyboardEvent, RefObject } from 'react';

interface Props {
  label: string;
  placeholder: string;
  sendLabel: string;
  stopLabel: string;
  streaming: boolean;
  disabled: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** The text being written: held by the page so a template can fill it in. */
  text: string;
  onTextChange(text: string): void;
  onSend(text: string): void;
  onStop(): void;
}

/** Enter sends, Shift+Enter adds a line; Enter that confirms Japanese IME conversion does neither. */
export function ChatInput({
  label,
  placeholder,
  sendLabel,
  stopLabel,
  streaming,
  disabled,
  inputRef,
  text,
  onTextChange,
  onSend,
  onStop,
}: Props) {
  const send = () => {
    if (streaming || disabled || !text.trim()) return;
    onSend(text);
    onTextChange('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };
  return (
    <form
      className="chat-input"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <textarea
        ref={inputRef}
        aria-label={label}
        placeholder={placeholder}
        value={text}
        rows={3}
        disabled={disabled}
        onChange={(event) => onTextChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {streaming ? (
        <button type="button" className="stop" onClick={onStop}>
          {stopLabel}
        </button>
      ) : (
        <button type="submit" disabled={disabled || !text.trim()}>
          {sendLabel}
        </button>
      )}
    </form>
  );
}
