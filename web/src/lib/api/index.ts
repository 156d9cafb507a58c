export { api, onUnauthenticated } from './client';
export { ApiError, errorMessage, isApiError, type FieldErrors, type FieldMessages } from './ApiError';
export { ERROR_MESSAGES, messageForCode } from './errors';
export type * from './types';
export type * from './account-applications';
