/**
 * CMS messages (portal editors). Keys start with `cms.`; `en` must have exactly the keys of `id`.
 */
export const cmsId = {} as const satisfies Record<`cms.${string}`, string>;

export const cmsEn: Record<keyof typeof cmsId, string> = {};
