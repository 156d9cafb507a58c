import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { REPAIR_CUSTODIAN_WORD } from '../../../../domain/repairs/type-schema';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { itemsApi, type Person } from '../items/api';
import { CustodianPickers } from '../items/NewItemPage';
import { useItemSave } from '../items/useItemSave';
import { repairTypesApi } from './api';
import { RepairTypeFields } from './RepairTypeFields';
import { emptyRepairTypeForm, repairTypeBody, repairTypeProblems, type RepairTypeForm } from './repairTypeForm';
import { repairTypePath } from './RepairTypeListPage';

/** 新增報修類型 (機關管理者 & 系統管理者): the form of 報修類型資訊 and 類型保管人 1 (2 optional). */
export default function NewRepairTypePage() {
  const navigate = useNavigate();
  const { data: options, error: optionsError } = useResource(itemsApi.options);
  const [form, setForm] = useState<RepairTypeForm | null>(null);
  const [custodians, setCustodians] = useState<[Person | null, Person | null]>([null, null]);
  const save = useItemSave(repairTypeProblems(true), repairTypesApi.create, ({ id }) =>
    navigate(repairTypePath(id), { state: { notice: '新增成功' } }),
  );

  if (optionsError) return <Alert severity="error">{optionsError}</Alert>;
  if (!options) return <LoadingScreen />;
  const managed = options.agencies.filter((a) => options.managedAgencyIds.includes(a.id));
  const current = form ?? emptyRepairTypeForm(managed.length === 1 ? managed[0]!.id : '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.submit(repairTypeBody(current, { custodian1Id: custodians[0]?.id, custodian2Id: custodians[1]?.id ?? null }));
  };

  return (
    <>
      <PageHeading title={ROUTES.consoleRepairTypeNew.title} />
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>此功能僅限機關管理者&系統管理者使用</Typography>
      <Paper component="form" noValidate onSubmit={submit} aria-label="報修類型資訊" sx={{ p: { xs: 2, sm: 3 } }}>
        {save.error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {save.error}
          </Alert>
        )}
        <Stack spacing={3}>
          <RepairTypeFields
            form={current}
            onChange={(patch) => setForm({ ...current, ...patch })}
            fields={save.fields}
            agencies={options.agencies}
            managedAgencies={managed}
          />
          <CustodianPickers word={REPAIR_CUSTODIAN_WORD} value={custodians} onChange={setCustodians} fields={save.fields} />
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="contained" disabled={save.pending}>
              儲存
            </Button>
            <Button component={Link} to={ROUTES.consoleRepairTypes.path}>
              取消
            </Button>
          </Stack>
        </Stack>
      </Paper>
    </>
  );
}
