/** Node ids, answer slugs and tree ids: what may appear in a step URL. */
export const ID_PATTERN = /^[a-z0-9-]+$/;
