import type { ReactNode } from 'react';
import { formatBytes } from '../../../shared/limits';
import type { BackupInfo } from '../../../shared/workspace';
import { DataTable } from '../../components/DataTable';
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
    <DataTable
      className="backup-table"
      caption={caption}
      captionClassName="visually-hidden"
      rows={backups}
      rowKey={(backup) => backup.file}
      columns={[
        { header: 'Made', cell: (backup) => <LocalTime iso={backup.createdAt} /> },
        { header: 'Size', className: 'backup-size', cell: (backup) => formatBytes(backup.bytes) },
        { header: 'File', cell: (backup) => <code title={backup.file}>{fileName(backup.file)}</code> },
        status && { header: 'Check', cell: status },
        { header: 'Action', hideHeader: true, className: 'backup-action', cell: action },
      ]}
    />
  );
}
