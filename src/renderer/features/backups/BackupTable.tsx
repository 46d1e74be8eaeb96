import type { ReactNode } from 'react';
import { formatBytes } from '../../../shared/limits';
import type { BackupInfo } from '../../../shared/workspace';
import { LocalTime } from '../../components/LocalTime';

/** The last part of a path, whichever separator the machine uses. */
export const fileName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** Backups newest first: when, how big, which file, and what can be done with each. */
export function BackupTable<B extends BackupInfo>({
  backups,
  caption,
  status,
  action,
}: {
  backups: B[];
  caption: string;
  /** A column saying whether each backup can be used, when known. */
  status?: (backup: B) => ReactNode;
  action: (backup: B) => ReactNode;
}) {
  return (
    <table className="backup-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Made</th>
          <th scope="col">Size</th>
          <th scope="col">File</th>
          {status && <th scope="col">Check</th>}
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.file}>
            <td>
              <LocalTime iso={backup.createdAt} />
            </td>
            <td className="backup-size">{formatBytes(backup.bytes)}</td>
            <td>
              <code title={backup.file}>{fileName(backup.file)}</code>
            </td>
            {status && <td>{status(backup)}</td>}
            <td className="backup-action">{action(backup)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
