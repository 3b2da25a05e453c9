import type { Tip } from '../utils/settings/schema';

interface Props {
  title: string;
  tips: Tip[];
}

/** The organisation's weekly tips, newest first. */
export function TipsPanel({ title, tips }: Props) {
  if (tips.length === 0) return null;
  const newestFirst = [...tips].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <details className="tips">
      <summary>
        {title}: {newestFirst[0]?.title}
      </summary>
      {newestFirst.map((tip) => (
        <article key={`${tip.date}-${tip.title}`}>
          <h3>
            <time dateTime={tip.date}>{tip.date}</time> {tip.title}
          </h3>
          <p>{tip.body}</p>
        </article>
      ))}
    </details>
  );
}
