/**
 * Portal messages, kept in their own file so the capability owns its words; `id.ts` and `en.ts`
 * spread them in. Keys start with `portal.`; `en` must have exactly the keys of `id`.
 */
export const portalId = {} as const satisfies Record<`portal.${string}`, string>;

export const portalEn: Record<keyof typeof portalId, string> = {};
