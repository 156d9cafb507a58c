import PersonOutline from '@mui/icons-material/PersonOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ApplicationEvent } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { eventTone, sortEvents, type StatusDescription, type StatusTone } from './statusText';

const DOT_COLOURS: Record<StatusTone | 'neutral', string> = {
  neutral: 'primary.main',
  info: 'info.main',
  success: 'success.main',
  warning: 'warning.main',
  error: 'error.main',
};

interface StatusTimelineProps {
  events: readonly ApplicationEvent[];
  /** The current state, shown as the open last step while the application is still on its way. */
  current?: StatusDescription;
  label?: string;
}

/** 申請歷程: each event (label, who, comment, YYYY-MM-DD HH:mm), oldest first, then the current state. */
export function StatusTimeline({ events, current, label = '申請歷程' }: StatusTimelineProps) {
  const items = sortEvents(events);
  const showCurrent = current?.inProgress ?? false;
  if (items.length === 0 && !showCurrent) {
    return <Typography sx={{ color: 'text.secondary' }}>尚無處理紀錄。</Typography>;
  }
  return (
    <Box component="ol" aria-label={label} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {items.map((event, index) => (
        <TimelineItem key={event.seq} dot={DOT_COLOURS[eventTone(event.kind)]} last={index === items.length - 1 && !showCurrent}>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 1.5, rowGap: 0.25 }}>
            <Typography component="span" sx={{ fontWeight: 700 }}>
              {event.label}
            </Typography>
            <Typography component="time" dateTime={event.at} variant="body2" sx={{ color: 'text.secondary' }}>
              {formatDateTime(event.at)}
            </Typography>
          </Box>
          {event.actorName && (
            <Typography
              variant="body2"
              sx={{ color: 'text.secondary', display: 'flex', alignItems: 'center', gap: 0.5, mt: 0.25 }}
            >
              <PersonOutline fontSize="inherit" aria-hidden />
              <span>{event.actorName}</span>
            </Typography>
          )}
          {event.comment && (
            <Typography
              variant="body2"
              sx={{
                mt: 0.75,
                px: 1.5,
                py: 1,
                borderLeft: 3,
                borderColor: 'divider',
                bgcolor: 'action.hover',
                whiteSpace: 'pre-wrap',
              }}
            >
              意見：{event.comment}
            </Typography>
          )}
        </TimelineItem>
      ))}
      {showCurrent && current && (
        <TimelineItem dot="transparent" hollow last>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
            <Typography component="span" sx={{ fontWeight: 700 }}>
              {current.label}
            </Typography>
            <Chip size="small" color="primary" variant="outlined" label="目前狀態" />
          </Box>
        </TimelineItem>
      )}
    </Box>
  );
}

function TimelineItem({
  dot,
  hollow = false,
  last,
  children,
}: {
  dot: string;
  hollow?: boolean;
  last: boolean;
  children: ReactNode;
}) {
  return (
    <Box component="li" sx={{ display: 'grid', gridTemplateColumns: '20px minmax(0, 1fr)', columnGap: 1.5 }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }} aria-hidden>
        <Box
          sx={{
            width: 14,
            height: 14,
            mt: 0.6,
            borderRadius: '50%',
            bgcolor: dot,
            border: hollow ? 2 : 0,
            borderColor: 'primary.main',
            flexShrink: 0,
          }}
        />
        {!last && <Box sx={{ flex: 1, width: 2, bgcolor: 'divider', my: 0.5 }} />}
      </Box>
      <Box sx={{ pb: last ? 0 : 2.5 }}>{children}</Box>
    </Box>
  );
}
