/** Sync: outbox states, advice, notifications and the sync panel. */
export default {} as const;
