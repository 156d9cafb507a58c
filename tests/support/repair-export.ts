/** 報表匯出範例 (manual 第二章 第三節 玖 六 (四) (6)): the 處理狀況 export's columns, in the manual's order. */
export const MANUAL_EXPORT_COLUMNS = [
  '報修類型',
  '報修單位',
  '報修人員',
  '報修人員公務電話',
  '所在地點',
  '所在樓層',
  '報修日期',
  '故障原因',
  '處理狀況',
  '退回次數',
  '處理狀況詳細',
] as const;
