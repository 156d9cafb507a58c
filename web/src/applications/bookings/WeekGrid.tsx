import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { alpha, type Theme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  addDays,
  clock,
  mondayOf,
  taipeiInstant,
  type SlotState,
  type WeekGrid as Grid,
} from '../../../../domain/bookings/slots';
import { visuallyHidden } from '../../common/visuallyHidden';

const STATE_TEXT: Record<Exclude<SlotState, 'AVAILABLE'>, string> = { CLOSED: '不開放', TAKEN: '已申請', PAST: '' };

const cellTone = (state: SlotState, selected: boolean) => (theme: Theme) => {
  if (selected) return alpha(theme.palette.primary.main, 0.2);
  if (state === 'AVAILABLE') return alpha(theme.palette.success.main, theme.palette.mode === 'dark' ? 0.16 : 0.08);
  if (state === 'TAKEN') return alpha(theme.palette.warning.main, 0.12);
  if (state === 'CLOSED') return theme.palette.action.hover;
  return 'transparent';
};

/**
 * The weekly grid of 依場地(公務車)查詢允許申請時間: hourly rows, day columns 「周一 12-07」; a slot is
 * 可申請 (with 申請, which picks it as the start), 不開放, 已申請, or blank once past. On a phone the
 * grid scrolls sideways with the 時間 column kept in view.
 */
export function WeekGrid({
  grid,
  today,
  selectedStart,
  onPick,
  onWeek,
  caption,
}: {
  grid: Grid;
  /** Taipei date: weeks wholly before this one are not offered (上一週 stops at the current week). */
  today: string;
  selectedStart: string | null;
  onPick: (startsAt: string) => void;
  onWeek: (weekOf: string) => void;
  caption: string;
}) {
  const first = grid.days[0]?.date ?? grid.weekOf;
  const last = grid.days.at(-1)?.date ?? grid.weekOf;
  return (
    <Box component="section" aria-label="可申請時段">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Button
          startIcon={<ChevronLeft />}
          onClick={() => onWeek(addDays(grid.weekOf, -7))}
          disabled={grid.weekOf <= mondayOf(today)}
        >
          上一週
        </Button>
        <Typography sx={{ fontWeight: 600, textAlign: 'center' }} aria-live="polite">
          {first.replaceAll('-', '/')} – {last.slice(5).replace('-', '/')}
        </Typography>
        <Button endIcon={<ChevronRight />} onClick={() => onWeek(addDays(grid.weekOf, 7))}>
          下一週
        </Button>
      </Stack>
      <Box sx={{ overflowX: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" aria-label={caption} sx={{ minWidth: 640, tableLayout: 'fixed' }}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col" sx={{ ...stickyColumn, width: 64 }}>
                時間
              </TableCell>
              {grid.days.map((day) => (
                <TableCell key={day.date} component="th" scope="col" align="center" sx={{ whiteSpace: 'nowrap', px: 0.5 }}>
                  {day.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {grid.hours.map((minutes, row) => (
              <TableRow key={minutes}>
                <TableCell component="th" scope="row" sx={stickyColumn}>
                  {clock(minutes)}
                </TableCell>
                {grid.days.map((day) => {
                  const state = day.slots[row] ?? 'CLOSED';
                  const startsAt = taipeiInstant(day.date, minutes).toISOString();
                  const selected = startsAt === selectedStart;
                  return (
                    <TableCell
                      key={day.date}
                      align="center"
                      sx={{ px: 0.5, py: 0.5, bgcolor: cellTone(state, selected), borderLeft: 1, borderLeftColor: 'divider' }}
                    >
                      {state === 'AVAILABLE' ? (
                        <Stack sx={{ alignItems: 'center' }}>
                          <Typography variant="caption" sx={{ color: 'success.main', fontWeight: 600 }}>
                            可申請
                          </Typography>
                          <Button
                            size="small"
                            variant={selected ? 'contained' : 'outlined'}
                            onClick={() => onPick(startsAt)}
                            aria-label={`申請 ${day.label} ${clock(minutes)}`}
                            aria-pressed={selected}
                            sx={{ minWidth: 0, px: 1, py: 0, lineHeight: 1.6 }}
                          >
                            申請
                          </Button>
                        </Stack>
                      ) : (
                        <Typography variant="body2" sx={{ color: state === 'TAKEN' ? 'warning.main' : 'text.secondary' }}>
                          {STATE_TEXT[state]}
                          {state === 'PAST' && (
                            <Box component="span" sx={visuallyHidden}>
                              已過
                            </Box>
                          )}
                        </Typography>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}

const stickyColumn = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  bgcolor: 'background.paper',
  whiteSpace: 'nowrap',
  fontWeight: 600,
} as const;
