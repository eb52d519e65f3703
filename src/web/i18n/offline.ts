/**
 * Offline messages, kept in their own file so the capability owns its words; `id.ts` and `en.ts`
 * spread them in. Keys start with `offline.`; `en` must have exactly the keys of `id`.
 */
export const offlineId = {} as const satisfies Record<`offline.${string}`, string>;

export const offlineEn: Record<keyof typeof offlineId, string> = {};
