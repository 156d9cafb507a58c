import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { itemsApi } from '../items/api';
import { EditActions } from '../items/ItemInfoTab';
import { useItemSave } from '../items/useItemSave';
import { repairTypesApi, type RepairTypeDetail } from './api';
import { RepairTypeFields } from './RepairTypeFields';
import { repairTypeBody, repairTypeFormOf, repairTypeProblems, type RepairTypeForm } from './repairTypeForm';

/** 報修類型資訊: 名稱, 所屬機關, 允許報修機關, 報修廠商資訊, 分類, 回覆時限 with 儲存 / 取消 / 刪除. */
export function RepairTypeInfoTab({ type, onSaved }: { type: RepairTypeDetail; onSaved: (message: string) => void }) {
  const navigate = useNavigate();
  const { data: options } = useResource(itemsApi.options);
  const [form, setForm] = useState<RepairTypeForm>(() => repairTypeFormOf(type));
  // After 儲存 the type is read again: the form takes it (new 分類 now have their ids).
  const [shown, setShown] = useState(type);
  if (shown !== type) {
    setShown(type);
    setForm(repairTypeFormOf(type));
  }
  const editable = type.allowedActions.includes('repairType.update');
  const save = useItemSave(
    repairTypeProblems(false),
    (body) => repairTypesApi.update(type.id, body),
    () => onSaved('儲存成功'),
  );
  const remove = useMutation(() => repairTypesApi.remove(type.id), {
    onSuccess: () => navigate(ROUTES.consoleRepairTypes.path),
  });
  // 所屬機關: the agencies the user administers, and the type's own (a custodian keeps it as it is).
  const agencies = options?.agencies ?? [type.agency];
  const managed = agencies.filter((a) => a.id === type.agency.id || options?.managedAgencyIds.includes(a.id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.submit(repairTypeBody(form));
  };

  return (
    <Paper component="form" noValidate onSubmit={submit} aria-label="報修類型資訊" sx={{ p: { xs: 2, sm: 3 } }}>
      {(save.error || remove.error) && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {save.error ?? remove.error}
        </Alert>
      )}
      <RepairTypeFields
        form={form}
        onChange={(patch) => setForm({ ...form, ...patch })}
        fields={save.fields}
        agencies={agencies}
        managedAgencies={managed}
        disabled={!editable}
      />
      {editable && (
        <EditActions
          saving={save.pending}
          onCancel={() => setForm(repairTypeFormOf(type))}
          remove={
            type.allowedActions.includes('repairType.delete')
              ? {
                  title: '刪除報修類型',
                  text: `確定要刪除「${type.name}」嗎？刪除後將無法再報修，既有的報修案件與統計仍會保留；尚有未結案的報修案件時無法刪除。`,
                  pending: remove.pending,
                  run: () => void remove.run(),
                }
              : undefined
          }
        />
      )}
    </Paper>
  );
}
