/** Provider accounts and the keychain. */
export default {} as const;
