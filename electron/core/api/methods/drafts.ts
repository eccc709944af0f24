/** Methods of the drafts area (filled in as the area lands). */
export const draftsMethods = {};
