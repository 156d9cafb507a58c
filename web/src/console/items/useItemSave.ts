import { useState } from 'react';
import { isApiError, type FieldErrors } from '../../lib/api';
import { useMutation } from '../../lib/data';
import type { ItemKind } from './api';
import { formProblems } from './itemForm';

/**
 * 儲存 of an item form: checked with the API's own schema first (the fields' messages at once), then
 * sent; the API's field messages land under the fields, any other refusal above the form.
 */
export function useItemSave<R>(kind: ItemKind, isNew: boolean, send: (body: object) => Promise<R>, onSaved: (answer: R) => void) {
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
    const problems = formProblems(kind, body, isNew);
    setFields(problems);
    if (Object.keys(problems).length === 0) void save.run(body);
  };
  return { fields, submit, pending: save.pending, error: save.error };
}
