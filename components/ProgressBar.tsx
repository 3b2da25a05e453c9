interface Props {
  done: number;
  total: number;
  label: string;
}

/** Parts done out of all parts, as a bar and as "3 / 12". */
export function ProgressBar({ done, total, label }: Props) {
  return (
    <div className="progress">
      <progress max={total} value={done} aria-label={label} />
      <span className="progress-label">{label}</span>
    </div>
  );
}
