import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { FieldList } from '../../common/FieldList';
import type { ResourceInfo } from './api';
import { KIND_WORDS } from './words';

/** What is being booked, above its grid: the manual's 場地 or 公務車資訊. */
export function ResourceSummary({ resource }: { resource: ResourceInfo }) {
  const words = KIND_WORDS[resource.kind];
  const rows: [string, string | number | null | undefined][] =
    resource.kind === 'CAR'
      ? [
          ['車型', resource.vehicleType],
          ['車號', resource.name],
          ['廠牌', resource.make],
          ['年份', resource.year],
          ['排氣量 (c.c.)', resource.displacement],
          [words.capacity, resource.capacity],
          ['所在地', resource.location.name],
          ['管理機關', resource.agencyName],
        ]
      : [
          ['場地名稱', resource.name],
          ['所在地', resource.location.name],
          ['所在樓層', resource.floor],
          [words.capacity, resource.capacity],
          ['場地電話', [resource.phone, resource.phoneExt].filter(Boolean).join(' 分機 ') || null],
          ['管理機關', resource.agencyName],
        ];
  const notes: [string, string | null][] = [
    [resource.kind === 'CAR' ? '備註' : '場地描述', resource.kind === 'CAR' ? resource.remarks : resource.description],
    ['場地規範', resource.kind === 'VENUE' ? resource.rules : null],
  ];
  return (
    <Box component="section" aria-label={`${words.resource}資訊`} sx={{ mb: 2 }}>
      <FieldList compact rows={[...rows, ['開放借用時間', resource.openHoursLabels.join('、')]]} />
      {notes
        .filter(([, v]) => v)
        .map(([label, value]) => (
          <Typography key={label} variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
            <strong>{label}：</strong>
            {value}
          </Typography>
        ))}
    </Box>
  );
}
