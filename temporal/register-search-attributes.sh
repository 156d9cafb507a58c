#!/bin/sh
# Registers the portal's search attributes in a namespace (idempotent). Used by docker-compose's
# temporal-setup job; the dev server gets the same list from scripts/services/temporal.mjs.
set -eu
ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-portal}"
until temporal operator cluster health --address "$ADDRESS" >/dev/null 2>&1; do sleep 2; done
temporal operator namespace describe --address "$ADDRESS" -n "$NAMESPACE" >/dev/null 2>&1 ||
  temporal operator namespace create --address "$ADDRESS" -n "$NAMESPACE" --retention 720h
for name in RequestType AgencyCode ApplicantAccount RequestStatus; do
  temporal operator search-attribute list --address "$ADDRESS" -n "$NAMESPACE" | grep -qw "$name" ||
    temporal operator search-attribute create --address "$ADDRESS" -n "$NAMESPACE" --name "$name" --type Keyword
done
