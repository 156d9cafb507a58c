import { useState } from 'react';
import { isApiError, type FieldErrors } from '../../lib/api';
import { useMutation } from '../../lib/data';

/**
 * 儲存 of an item (or 報修類型) form: checked with the API's own schema first (`problems`: the fields'
 * messages at once), then sent; the API's field messages land under the fields, any other refusal
 * above the form.
 */
export function useItemSave<R>(
  problems: (body: object) => FieldErrors,
  send: (body: object) => Promise<R>,
  onSaved: (answer: R) => void,
) {
  const [fields, setFields] = useState<FieldErrors>({});
  const save = useMutation(send, {
    onSuccess: onSaved,
    onError: (cause) => {
      if (isApiError(cause) && Object.keys(cause.fields).length > 0) {
        setFields(cause.fields);
        return null;
      }
      return undefined;
    },
  });
  const submit = (body: object) => {
    const found = problems(body);
    setFields(found);
    if (Object.keys(found).length === 0) void save.run(body);
  };
  return { fields, submit, pending: save.pending, error: save.error };
}
