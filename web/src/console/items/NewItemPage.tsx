import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadingScreen } from '../../common/LoadingScreen';
import type { FieldErrors } from '../../lib/api';
import { PageHeading } from '../../common/PageHeading';
import { useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { itemsApi, type DriverChoice, type ItemKind, type Person } from './api';
import { CarDrivers } from './CarDrivers';
import { emptyForm, bodyOf, formProblems, type ItemForm } from './itemForm';
import { ItemFields } from './ItemFields';
import { detailPath, KINDS } from './kinds';
import { PersonPicker } from './PersonPicker';
import { useItemSave } from './useItemSave';

/** 新增場地 / 新增公務車 / 新增司機 (機關管理者 & 系統管理者): every field, the custodians, a car's drivers. */
export function NewItemPage({ kind }: { kind: ItemKind }) {
  const words = KINDS[kind];
  const navigate = useNavigate();
  const { data: options, error: optionsError } = useResource(itemsApi.options);
  const [form, setForm] = useState<ItemForm | null>(null);
  const [custodians, setCustodians] = useState<[Person | null, Person | null]>([null, null]);
  const [drivers, setDrivers] = useState<DriverChoice[]>([]);
  const save = useItemSave(
    (body) => formProblems(kind, body, true),
    (body) => itemsApi.create(kind, body),
    ({ id }) => navigate(detailPath(kind, id), { state: { notice: '新增成功' } }),
  );

  if (optionsError) return <Alert severity="error">{optionsError}</Alert>;
  if (!options) return <LoadingScreen />;
  const managed = options.agencies.filter((a) => options.managedAgencyIds.includes(a.id));
  const current = form ?? emptyForm(managed.length === 1 ? managed[0]!.id : '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.submit(
      bodyOf(kind, current, {
        custodian1Id: custodians[0]?.id,
        custodian2Id: custodians[1]?.id ?? null,
        ...(kind === 'CAR' ? { driverIds: drivers.map((d) => d.id) } : {}),
      }),
    );
  };

  return (
    <>
      <PageHeading title={ROUTES[words.newRoute].title} />
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>此功能僅限機關管理者&系統管理者使用</Typography>
      <Paper component="form" noValidate onSubmit={submit} sx={{ p: { xs: 2, sm: 3 } }}>
        {save.error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {save.error}
          </Alert>
        )}
        <Stack spacing={3}>
          <ItemFields
            kind={kind}
            form={current}
            onChange={(patch) => setForm({ ...current, ...patch })}
            fields={save.fields}
            locations={options.locations}
            agencies={options.agencies}
            managedAgencies={managed}
          />
          <CustodianPickers word={words.custodian} value={custodians} onChange={setCustodians} fields={save.fields} />
          {kind === 'CAR' && (
            <CarDrivers agencyId={current.agencyId} value={drivers} onChange={setDrivers} error={save.fields.driverIds} />
          )}
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="contained" disabled={save.pending}>
              儲存
            </Button>
            <Button component={Link} to={ROUTES[words.listRoute].path}>
              取消
            </Button>
          </Stack>
        </Stack>
      </Paper>
    </>
  );
}

/** 新增's holders: 保管人 1 (required) and 2, each picked by account or name. */
export function CustodianPickers({
  word,
  value,
  onChange,
  fields,
}: {
  word: string;
  value: [Person | null, Person | null];
  onChange: (value: [Person | null, Person | null]) => void;
  fields: FieldErrors;
}) {
  return (
    <Grid container spacing={2} sx={{ maxWidth: 760 }}>
      {([0, 1] as const).map((i) => (
        <Grid key={i} size={{ xs: 12, sm: 6 }}>
          <PersonPicker
            label={`${word} ${i + 1}`}
            required={i === 0}
            value={value[i]}
            onChange={(p) => onChange(i === 0 ? [p, value[1]] : [value[0], p])}
            error={fields[`custodian${i + 1}Id`]}
          />
        </Grid>
      ))}
    </Grid>
  );
}
