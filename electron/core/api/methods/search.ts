/** Methods of the search area (filled in as the area lands). */
export const searchMethods = {};
