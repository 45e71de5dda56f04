/** What a language's domain file must be: the same keys as the English one, each a message text. */
export type Translation<English> = { readonly [K in keyof English]: string };
