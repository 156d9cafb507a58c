// Types for the parts of samba.mjs that TypeScript tests import.

/** `samba-tool domain provision`'s arguments (never a password). */
export function provisionArgs(input: { baseConf: string; targetDir: string; options: Record<string, string> }): string[];
/** The environment variable SET_ADMIN_PASSWORD_PY reads the Administrator password from. */
export const ADMIN_PASSWORD_ENV: string;
/** Python (run with smb.conf as its argument) that sets the Administrator password from the environment. */
export const SET_ADMIN_PASSWORD_PY: string;
