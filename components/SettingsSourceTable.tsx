interface Row {
  path: string;
  value: string;
  source: string;
  locked: boolean;
}

interface Props {
  title: string;
  labels: { key: string; value: string; source: string };
  rows: Row[];
}

/** Every setting, its value in force and where it comes from: what an admin asks a user to read out. */
export function SettingsSourceTable({ title, labels, rows }: Props) {
  return (
    <details className="settings-sources">
      <summary>{title}</summary>
      <table>
        <thead>
          <tr>
            <th>{labels.key}</th>
            <th>{labels.value}</th>
            <th>{labels.source}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.path} className={row.locked ? 'locked' : undefined}>
              <td>
                <code>{row.path}</code>
              </td>
              <td>
                <code>{row.value}</code>
              </td>
              <td>{row.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
