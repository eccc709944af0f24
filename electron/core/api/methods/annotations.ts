/** Methods of the annotations area (filled in as the area lands). */
export const annotationsMethods = {};
