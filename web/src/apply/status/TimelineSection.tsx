import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useSession } from '../../auth/session';
import { TemporalLink } from '../../console/ad-sync/TemporalLink';
import type { ApplicationEvent } from '../../lib/api';
import { StatusTimeline } from './StatusTimeline';

/**
 * A request page's timeline as a section of its own (報修案件's 處理歷程, 審核紀錄's 審核歷程): its heading,
 * the Temporal UI link for operators (system admins) when the API gives one, then the events.
 */
export function TimelineSection({
  id,
  title,
  events,
  temporalUrl,
}: {
  /** The heading's id (the section is labelled by it). */
  id: string;
  title: string;
  events: readonly ApplicationEvent[];
  temporalUrl?: string;
}) {
  const { state } = useSession();
  const operator = state.status === 'authenticated' && state.user.roles.includes('SYSTEM_ADMIN');
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 2, flexWrap: 'wrap', gap: 1 }}>
        <Typography id={id} variant="h2">
          {title}
        </Typography>
        {operator && temporalUrl && <TemporalLink href={temporalUrl} />}
      </Stack>
      <StatusTimeline events={events} label={title} />
    </Paper>
  );
}
