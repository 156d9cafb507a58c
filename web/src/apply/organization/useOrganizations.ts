// GET /api/organizations: the whole active tree, fetched once per page load and shared by every
// picker (the list is ≈750 rows and changes rarely).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../../lib/api';
import type { OrganizationItem } from '../../lib/api';
import { indexOrganizations, type OrgIndex } from './orgCascade';

let cached: Promise<OrganizationItem[]> | null = null;

function loadOrganizations(): Promise<OrganizationItem[]> {
  cached ??= api.get<{ items: OrganizationItem[] }>('/api/organizations?kind=ALL').then(
    (body) => body.items,
    (error: unknown) => {
      cached = null; // let a retry ask again
      throw error;
    },
  );
  return cached;
}

export function useOrganizations(): { index: OrgIndex | null; error: string | null; retry: () => void } {
  const [items, setItems] = useState<OrganizationItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    loadOrganizations().then(
      (loaded) => {
        if (!active) return;
        setItems(loaded);
        setError(null);
      },
      (cause: unknown) => {
        if (active) setError(errorMessage(cause));
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  const index = useMemo(() => (items ? indexOrganizations(items) : null), [items]);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((value) => value + 1);
  }, []);
  return { index, error, retry };
}
