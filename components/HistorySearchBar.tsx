export interface FilterOption {
  value: string;
  label: string;
}

interface Props {
  query: string;
  kind: string;
  model: string;
  from: string;
  to: string;
  kinds: FilterOption[];
  models: FilterOption[];
  labels: { search: string; placeholder: string; kind: string; model: string; from: string; to: string };
  onQuery(query: string): void;
  onKind(kind: string): void;
  onModel(model: string): void;
  onFrom(date: string): void;
  onTo(date: string): void;
  onFocus(): void;
}

/** Search box and filters; `''` means "any" for every filter. */
export function HistorySearchBar(props: Props) {
  const { labels } = props;
  return (
    <div className="history-search">
      <input
        type="search"
        aria-label={labels.search}
        placeholder={labels.placeholder}
        value={props.query}
        onChange={(event) => props.onQuery(event.target.value)}
        onFocus={props.onFocus}
      />
      <div className="history-filters">
        <label>
          {labels.kind}
          <select value={props.kind} onChange={(event) => props.onKind(event.target.value)}>
            {props.kinds.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {labels.model}
          <select value={props.model} onChange={(event) => props.onModel(event.target.value)}>
            {props.models.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {labels.from}
          <input type="date" value={props.from} onChange={(event) => props.onFrom(event.target.value)} />
        </label>
        <label>
          {labels.to}
          <input type="date" value={props.to} onChange={(event) => props.onTo(event.target.value)} />
        </label>
      </div>
    </div>
  );
}
