import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { zhTW } from '@mui/x-data-grid/locales';
import { formatDateTime } from '../../lib/datetime';
import type { ConnectivityCheck } from '../../lib/api/types';
import { summarize, summaryTone } from './summary';
import { TemporalLink } from './TemporalLink';

const localeText = zhTW.components.MuiDataGrid.defaultProps.localeText;

interface RecentChecksGridProps {
  items: ConnectivityCheck[];
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** 最近的連線測試: 開始時間, 執行者, 結果, and links to the run and to Temporal. */
export function RecentChecksGrid({ items, loading, selectedId, onSelect }: RecentChecksGridProps) {
  // On phones the grid keeps 開始時間, 結果 and 檢視結果; 執行者 and the Temporal link are in the run panel.
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  const columns: GridColDef<ConnectivityCheck>[] = [
    {
      field: 'startedAt',
      headerName: '開始時間',
      minWidth: narrow ? 132 : 150,
      flex: 1,
      valueFormatter: (value: string) => formatDateTime(value),
    },
    {
      field: 'startedBy',
      headerName: '執行者',
      minWidth: 140,
      flex: 1,
      sortable: false,
      valueGetter: (_value, row) => `${row.startedBy.name}（${row.startedBy.account}）`,
    },
    {
      field: 'summary',
      headerName: '結果',
      minWidth: narrow ? 120 : 190,
      flex: 1.2,
      sortable: false,
      valueGetter: (_value, row) => summarize(row),
      renderCell: ({ row, value }) => {
        const tone = summaryTone(row);
        return <Chip size="small" variant={tone === 'info' ? 'outlined' : 'filled'} color={tone} label={value as string} />;
      },
    },
    {
      field: 'actions',
      headerName: '檢視',
      minWidth: narrow ? 104 : 250,
      flex: 1.3,
      sortable: false,
      renderCell: ({ row }) => (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, height: '100%' }}>
          <Button size="small" variant={row.id === selectedId ? 'contained' : 'outlined'} onClick={() => onSelect(row.id)}>
            檢視結果
          </Button>
          {!narrow && <TemporalLink href={row.temporalUrl} label="Temporal 流程" />}
        </Box>
      ),
    },
  ];

  return (
    <DataGrid
      rows={items}
      columns={columns}
      loading={loading}
      localeText={localeText}
      columnVisibilityModel={{ startedBy: !narrow }}
      label="最近的連線測試"
      autoHeight
      hideFooter
      disableColumnMenu
      disableRowSelectionOnClick
      density="compact"
      getRowClassName={({ row }) => (row.id === selectedId ? 'is-selected-run' : '')}
      sx={{ '& .is-selected-run': { bgcolor: 'action.selected' } }}
    />
  );
}
