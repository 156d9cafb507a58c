// PLACEHOLDER — replaced at merge by the statistics helper's RepairStatsTab (處理狀況: 處理狀況統計,
// 報修案量 / 處理狀況 charts, 單位案件統計, 匯出). Only here so this branch compiles; keep theirs.
import Alert from '@mui/material/Alert';

/** 處理狀況 of one 報修類型 (placeholder until the statistics are merged). */
export function RepairStatsTab({ typeId }: { typeId: string }) {
  return (
    <Alert severity="info" data-type-id={typeId}>
      處理狀況統計尚未開放。
    </Alert>
  );
}
