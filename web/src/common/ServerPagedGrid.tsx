import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataGrid, type DataGridProps, type GridValidRowModel } from '@mui/x-data-grid';
import { zhTW } from '@mui/x-data-grid/locales';
import type { ReactNode } from 'react';

const localeText = zhTW.components.MuiDataGrid.defaultProps.localeText;

type OwnProps = 'localeText' | 'paginationMode';
/** The page shown (kept in the address by the caller), where a move to another page goes, the page sizes. */
type Paging = 'paginationModel' | 'onPaginationModelChange' | 'pageSizeOptions';

export interface ServerPagedGridProps<Row extends GridValidRowModel>
  extends Omit<DataGridProps<Row>, OwnProps | Paging>, Required<Pick<DataGridProps<Row>, Paging>> {
  /** The section's accessible name (and the grid's, unless `label` says otherwise). */
  section: string;
  /** The count line above the grid, e.g. 「共 12 筆」. */
  summary: ReactNode;
  /** Beside the count, e.g. 匯出 Excel or 批次核准. */
  actions?: ReactNode;
  /** On phones the count and the actions go one under the other. */
  stackOnPhones?: boolean;
  /** The empty grid's text. */
  emptyText: string;
}

/**
 * One page of a server-side list in a section of its own: its count and actions, then the grid
 * (zh-TW, as tall as its rows, no column menu) that asks the server for another page.
 */
export function ServerPagedGrid<Row extends GridValidRowModel>({
  section,
  summary,
  actions,
  stackOnPhones = false,
  emptyText,
  ...grid
}: ServerPagedGridProps<Row>) {
  return (
    <Paper component="section" aria-label={section} sx={{ p: { xs: 1.5, sm: 2 } }}>
      <Stack
        direction={stackOnPhones ? { xs: 'column', sm: 'row' } : 'row'}
        spacing={stackOnPhones ? 1.5 : 2}
        sx={{ alignItems: stackOnPhones ? { sm: 'center' } : 'center', justifyContent: 'space-between', mb: 1.5 }}
      >
        <Typography sx={{ color: 'text.secondary' }} aria-live="polite">
          {summary}
        </Typography>
        {actions}
      </Stack>
      <DataGrid<Row>
        label={section}
        {...grid}
        localeText={{ ...localeText, noRowsLabel: emptyText }}
        autoHeight
        disableColumnMenu
        disableRowSelectionOnClick
        paginationMode="server"
      />
    </Paper>
  );
}
