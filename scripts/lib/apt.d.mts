// Types for the constants of apt.mjs that TypeScript tests use.

export const CHROMIUM: string;
export const NGINX: string;
