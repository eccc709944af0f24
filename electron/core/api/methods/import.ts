/** Methods of the import area (filled in as the area lands). */
export const importMethods = {};
