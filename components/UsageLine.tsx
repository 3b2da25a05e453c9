import type { TokenUsage } from '../utils/history/db';

interface Props {
  usage: TokenUsage | undefined;
  /** e.g. "入力 $1 / 出力 $2 トークン", already translated, with the two numbers filled in. */
  format(input: string, output: string): string;
  locale: string;
}

/** The tokens an answer took, when the gateway said; nothing at all when it did not. */
export function UsageLine({ usage, format, locale }: Props) {
  if (!usage) return null;
  const number = new Intl.NumberFormat(locale);
  return (
    <p className="usage-line">
      {format(number.format(usage.inputTokens), number.format(usage.outputTokens))}
    </p>
  );
}
