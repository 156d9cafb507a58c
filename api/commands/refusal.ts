import { ZodError } from 'zod';
import { AppError } from '../errors';

/**
 * A refusal of bad input or of a state that does not allow the step (4xx): nothing was changed, so a
 * single-use token spent on that step is given back for the corrected request.
 */
export const isRefusal = (error: unknown) =>
  error instanceof ZodError || (error instanceof AppError && error.status >= 400 && error.status < 500);
