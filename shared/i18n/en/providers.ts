/** Payment providers: their fields, capabilities and errors. */
export default {} as const;
