// TEMPORARY (branch repair-stats): a thin stand-in for 報修類型管理's detail page, showing only its
// 處理狀況 tab so the tab can be tried in a browser before that page exists. At merge, the real detail
// page (web/src/console/repair-types/, which renders <RepairStatsTab typeId={id} />) replaces this file
// and its registration in web/src/routes/pages.ts.
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useParams } from 'react-router';
import { PageHeading } from '../../common/PageHeading';
import { RepairStatsTab } from '../repair-types/RepairStatsTab';

export default function RepairStatsPreviewPage() {
  const { id = '' } = useParams();
  return (
    <>
      <PageHeading title="報修類型管理" />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value="stats" aria-label="報修類型管理">
          <Tab value="stats" label="處理狀況" />
        </Tabs>
      </Box>
      <RepairStatsTab typeId={id} />
    </>
  );
}
