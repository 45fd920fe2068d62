/** How many COPY chunks the worker may send before the main thread has taken them: enough to keep the database busy, few enough to keep memory flat. */
export const CREDITS = 2;
