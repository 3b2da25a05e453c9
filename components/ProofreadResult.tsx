import type { DiffSegment } from '../utils/actions/proofread';
import { DiffView } from './DiffView';

interface Props {
  corrected: string;
  changes: string[];
  /** Shown once the corrected text is complete: a diff of half an answer would mislead. */
  segments: DiffSegment[] | null;
  labels: { corrected: string; diff: string; changes: string; added: string; removed: string };
}

export function ProofreadResult({ corrected, changes, segments, labels }: Props) {
  return (
    <div className="proofread">
      <section>
        <h3>{labels.corrected}</h3>
        <p className="corrected">{corrected}</p>
      </section>
      {segments && (
        <section>
          <h3>{labels.diff}</h3>
          <DiffView segments={segments} labels={{ added: labels.added, removed: labels.removed }} />
        </section>
      )}
      {changes.length > 0 && (
        <section>
          <h3>{labels.changes}</h3>
          <ul className="changes">
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
