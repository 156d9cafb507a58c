import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { formatDateTime } from '../../lib/datetime';
import type { TimelineEvent } from './adSyncApi';

/** 處理歷程 of a run: one line per step, oldest first. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  return (
    <List dense aria-label="處理歷程" sx={{ py: 0 }}>
      {events.map((e) => (
        <ListItem key={e.seq} disableGutters sx={{ py: 0 }}>
          <ListItemText primary={e.label} secondary={`${formatDateTime(e.at)}${e.actorName ? ` · ${e.actorName}` : ''}`} />
        </ListItem>
      ))}
    </List>
  );
}
