import Box from '@mui/material/Box';
import GlobalStyles from '@mui/material/GlobalStyles';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/datetime';
import type { ApplicationView } from './api';
import { systemRows } from './systemRows';

export const PRINT_TITLE = '臺南市政府公務入口網 應用系統服務介接申請單';

/**
 * 列印: on paper only the signable 申請單 — the title, 申請單號, the system, the service and its form, and
 * 申請人 / 單位主管 / 機關首長 (核章) boxes; the menus, header, breadcrumbs, buttons and the screen's
 * sections are left out (`@media print`). On screen the sheet is hidden.
 */
export function PrintSheet({ view, formRows }: { view: ApplicationView; formRows: [string, ReactNode][] }) {
  const rows: [string, ReactNode][] = [
    ...systemRows(view.system),
    ['申請服務', view.kindLabel],
    ['申請類別', view.actionLabel],
    ...formRows,
  ];
  return (
    <>
      <GlobalStyles
        styles={{
          '@page': { size: 'A4', margin: '15mm' },
          '@media print': {
            'header, nav, footer, .MuiDrawer-root, .MuiAppBar-root, .MuiToolbar-root': { display: 'none !important' },
            '#main': { padding: '0 !important', maxWidth: 'none !important' },
            '#main > :not(.print-sheet)': { display: 'none !important' },
            '.print-sheet': { display: 'block !important' },
            body: { background: '#fff !important' },
          },
        }}
      />
      <Box
        className="print-sheet"
        aria-hidden
        sx={{
          display: 'none',
          color: '#000',
          fontSize: '11pt',
          '& table': { width: '100%', borderCollapse: 'collapse' },
          '& th, & td': { border: '1px solid #000', padding: '6px 8px', textAlign: 'left', verticalAlign: 'top' },
          '& th': { width: '28%', fontWeight: 600, background: '#f2f2f2' },
          '& td': { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
        }}
      >
        <Box component="h1" sx={{ fontSize: '16pt', textAlign: 'center', m: 0, mb: 1 }}>
          {PRINT_TITLE}
        </Box>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', mb: 1 }}>
          <span>申請單號：{view.key}</span>
          <span>申請日期：{formatDateTime(view.createdAt)}</span>
        </Box>
        <table>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">申請人</th>
              <td>
                {view.applicant.name}（{view.applicant.account}）{view.applicant.unitName}
              </td>
            </tr>
          </tbody>
        </table>
        <Box component="table" data-testid="signature-boxes" sx={{ mt: 3, '& td': { height: '30mm', textAlign: 'center' } }}>
          <thead>
            <tr>
              <Box component="th" sx={{ width: '33% !important', textAlign: 'center !important' }}>
                申請人
              </Box>
              <Box component="th" sx={{ width: '33% !important', textAlign: 'center !important' }}>
                單位主管
              </Box>
              <Box component="th" sx={{ width: '34% !important', textAlign: 'center !important' }}>
                機關首長（核章）
              </Box>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td />
              <td />
              <td />
            </tr>
          </tbody>
        </Box>
      </Box>
    </>
  );
}
