import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api';
import { useMutation, useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { itemsApi, type DriverChoice, type ItemDetail } from './api';
import { CarDrivers } from './CarDrivers';
import { bodyOf, formOf, formProblems, type ItemForm } from './itemForm';
import { ItemFields } from './ItemFields';
import { KINDS } from './kinds';
import { VenuePhotos } from './VenuePhotos';
import { useItemSave } from './useItemSave';
import { ITEM_NOUNS } from '../../../../domain/bookings/resource-schema';

/** 場地資訊 / 公務車資訊 / 司機資訊: every field with 儲存 / 取消 / 刪除; a venue's images, a car's drivers. */
export function ItemInfoTab({ item, onSaved }: { item: ItemDetail; onSaved: (message: string) => void }) {
  const { kind } = item;
  const words = KINDS[kind];
  const navigate = useNavigate();
  const { data: options } = useResource(itemsApi.options);
  const [form, setForm] = useState<ItemForm>(() => formOf(item));
  const [driverError, setDriverError] = useState<string | null>(null);
  const editable = item.allowedActions.includes('item.update');
  const save = useItemSave(
    (body) => formProblems(kind, body, false),
    (body) => itemsApi.update(kind, item.id, body),
    () => onSaved('儲存成功'),
  );
  const remove = useMutation(() => itemsApi.remove(kind, item.id), {
    onSuccess: () => navigate(ROUTES[words.listRoute].path),
  });
  const setDrivers = async (drivers: DriverChoice[]) => {
    setDriverError(null);
    try {
      await itemsApi.setDrivers(
        item.id,
        drivers.map((d) => d.id),
      );
      onSaved('公務車司機已更新');
    } catch (cause) {
      setDriverError(errorMessage(cause));
    }
  };

  // 管理機關: the agencies the user administers, and the item's own (a custodian keeps it as it is).
  const agencies = options?.agencies ?? [item.agency];
  const managed = agencies.filter((a) => a.id === item.agency.id || options?.managedAgencyIds.includes(a.id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.submit(bodyOf(kind, form));
  };

  return (
    <Stack spacing={3}>
      <Paper component="form" noValidate onSubmit={submit} aria-label={words.infoTab} sx={{ p: { xs: 2, sm: 3 } }}>
        {(save.error || remove.error) && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {save.error ?? remove.error}
          </Alert>
        )}
        <ItemFields
          kind={kind}
          form={form}
          onChange={(patch) => setForm({ ...form, ...patch })}
          fields={save.fields}
          locations={options?.locations ?? [item.location]}
          agencies={agencies}
          managedAgencies={managed}
        />
        {editable && (
          <EditActions
            saving={save.pending}
            onCancel={() => setForm(formOf(item))}
            remove={
              item.allowedActions.includes('item.delete')
                ? {
                    title: `刪除${ITEM_NOUNS[kind]}`,
                    text: `確定要刪除「${item.name}」嗎？刪除後將無法再被借用，既有的借用紀錄仍會保留。`,
                    pending: remove.pending,
                    run: () => void remove.run(),
                  }
                : undefined
            }
          />
        )}
      </Paper>
      {kind === 'VENUE' && <VenuePhotos item={item} editable={editable} onChanged={onSaved} />}
      {kind === 'CAR' && (
        <CarDrivers
          agencyId={item.agency.id}
          value={item.drivers}
          onChange={setDrivers}
          disabled={!editable}
          error={driverError}
        />
      )}
    </Stack>
  );
}

/**
 * 儲存 / 取消 / 刪除 under an edit form (an item's, a 報修類型's); 刪除 asks first, in the thing's words,
 * and is left out for whoever may not delete.
 */
export function EditActions({
  saving,
  onCancel,
  remove,
}: {
  saving: boolean;
  onCancel: () => void;
  remove?: { title: string; text: string; pending: boolean; run: () => void };
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 3 }}>
      <Button type="submit" variant="contained" disabled={saving}>
        儲存
      </Button>
      <Button onClick={onCancel}>取消</Button>
      {remove && (
        <>
          <Button color="error" variant="outlined" onClick={() => setConfirming(true)}>
            刪除
          </Button>
          <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="delete-confirm-title">
            <DialogTitle id="delete-confirm-title">{remove.title}</DialogTitle>
            <DialogContent>
              <DialogContentText>{remove.text}</DialogContentText>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>取消</Button>
              <Button
                color="error"
                variant="contained"
                disabled={remove.pending}
                onClick={() => {
                  setConfirming(false);
                  remove.run();
                }}
              >
                確定
              </Button>
            </DialogActions>
          </Dialog>
        </>
      )}
    </Stack>
  );
}
