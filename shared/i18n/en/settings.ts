/** The settings screen and the business profile. */
export default {} as const;
