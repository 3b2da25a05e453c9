import type { DiffSegment } from '../utils/actions/proofread';

interface Props {
  segments: DiffSegment[];
  /**
   * Localised names of the two kinds of change, shown as tooltips (read as a description by screen readers,
   * which also announce `<del>`/`<ins>` themselves). Not `aria-label`: ARIA forbids naming these roles.
   */
  labels: { added: string; removed: string };
}

/** The proofread diff; line breaks show through `.diff { white-space: pre-wrap }`. */
export function DiffView({ segments, labels }: Props) {
  return (
    <div className="diff">
      {segments.map((segment, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are replaced as a whole, never reordered
        <Segment key={index} segment={segment} labels={labels} />
      ))}
    </div>
  );
}

function Segment({ segment, labels }: { segment: DiffSegment; labels: Props['labels'] }) {
  if (segment.kind === 'removed') {
    return <del title={labels.removed}>{segment.text}</del>;
  }
  if (segment.kind === 'added') {
    return <ins title={labels.added}>{segment.text}</ins>;
  }
  return <span>{segment.text}</span>;
}
