/**
 * Deaths messages, kept in their own file so the capability owns its words; `id.ts` and `en.ts`
 * spread them in. Keys start with `deaths.`; `en` must have exactly the keys of `id`.
 */
export const deathsId = {} as const satisfies Record<`deaths.${string}`, string>;

export const deathsEn: Record<keyof typeof deathsId, string> = {};
