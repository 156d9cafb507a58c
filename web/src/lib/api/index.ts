export { api, onUnauthenticated } from './client';
export { ApiError, errorMessage, isApiError, type FieldErrors } from './ApiError';
export { ERROR_MESSAGES, messageForCode } from './errors';
export type * from './types';
