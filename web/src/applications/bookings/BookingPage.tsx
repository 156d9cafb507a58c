import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { endChoices, taipeiParts } from '../../../../domain/bookings/slots';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { bookingsApi, type BookingKind, type ResourceChoice } from './api';
import { BookingForm } from './BookingForm';
import { ResourceSearch } from './ResourceSearch';
import { ResourceSummary } from './ResourceSummary';
import { TimeSearch } from './TimeSearch';
import { WeekGrid } from './WeekGrid';
import { KIND_WORDS } from './words';

type Mode = 'resource' | 'time';

/**
 * 場地借用申請 and 公務車借用登記: find a resource by itself or by time, see its week, pick a start slot
 * (申請) and fill 申請資訊 below, which the page scrolls to.
 */
export function BookingPage({ kind }: { kind: BookingKind }) {
  const words = KIND_WORDS[kind];
  const today = taipeiParts(new Date()).date;
  const [mode, setMode] = useState<Mode>('resource');
  const [resourceId, setResourceId] = useState<string | null>(null);
  const [weekOf, setWeekOf] = useState<string | undefined>(undefined);
  const [pick, setPick] = useState<{ startsAt: string; endsAt?: string } | null>(null);
  const formRef = useRef<HTMLElement>(null);
  const { data: locations, error: locationsError } = useResource(bookingsApi.locations);
  const week = useResource(
    resourceId ? (signal: AbortSignal) => bookingsApi.week(resourceId, weekOf, signal) : null,
    [resourceId, weekOf],
    { keepPrevious: false },
  );

  useEffect(() => {
    if (pick) formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [pick]);

  const show = (id: string, week?: string, chosen?: { startsAt: string; endsAt?: string }) => {
    setResourceId(id);
    setWeekOf(week);
    setPick(chosen ?? null);
  };
  const chooseByTime = (r: ResourceChoice, startsAt: string, endsAt: string) =>
    show(r.id, taipeiParts(new Date(startsAt)).date, { startsAt, endsAt });

  const answer = week.data;
  const ends =
    answer && pick
      ? endChoices(
          answer.resource.openHours,
          answer.held.map((h) => ({ start: new Date(h.startsAt), end: new Date(h.endsAt) })),
          new Date(pick.startsAt),
          new Date(),
        ).map((d) => d.toISOString())
      : [];

  return (
    <>
      <PageHeading title={kind === 'VENUE' ? ROUTES.venueBookings.title : ROUTES.carBookings.title} />
      <Stack spacing={3}>
        <Paper sx={{ p: { xs: 1.5, sm: 2.5 } }}>
          <Tabs
            value={mode}
            onChange={(_e, value: Mode) => setMode(value)}
            variant="fullWidth"
            aria-label="查詢方式"
            sx={{ mb: 2 }}
          >
            <Tab value="resource" label={words.byResource} wrapped />
            <Tab value="time" label={words.byTime} wrapped />
          </Tabs>
          {locationsError && <Alert severity="error">{locationsError}</Alert>}
          {locations &&
            (mode === 'resource' ? (
              <ResourceSearch kind={kind} locations={locations.items} onSearch={(id) => show(id)} />
            ) : (
              <TimeSearch kind={kind} locations={locations.items} today={today} onChoose={chooseByTime} />
            ))}
        </Paper>
        {resourceId && (
          <Paper component="section" aria-label={`${words.resource}可申請時段`} sx={{ p: { xs: 1.5, sm: 2.5 } }}>
            {week.error && <Alert severity="error">{week.error}</Alert>}
            {!answer && !week.error && <LoadingScreen label="讀取可申請時段中…" />}
            {answer && (
              <>
                <Typography variant="h2" sx={{ mb: 1.5 }}>
                  {kind === 'CAR' ? `${answer.resource.vehicleType ?? ''} ${answer.resource.name}` : answer.resource.name}
                </Typography>
                <ResourceSummary resource={answer.resource} />
                <WeekGrid
                  grid={answer.grid}
                  today={today}
                  selectedStart={pick?.startsAt ?? null}
                  onPick={(startsAt) => setPick({ startsAt })}
                  onWeek={(w) => {
                    setWeekOf(w);
                    setPick(null);
                  }}
                  caption={`${answer.resource.name} 可申請時段`}
                />
              </>
            )}
          </Paper>
        )}
        {answer && pick && (
          <BookingForm
            key={`${answer.resource.id} ${pick.startsAt}`}
            ref={formRef}
            kind={kind}
            resource={answer.resource}
            startsAt={pick.startsAt}
            ends={ends}
            initialEnd={pick.endsAt && ends.includes(pick.endsAt) ? pick.endsAt : undefined}
            onCancel={() => setPick(null)}
            onSubmitted={() => void week.reload()}
          />
        )}
      </Stack>
    </>
  );
}
