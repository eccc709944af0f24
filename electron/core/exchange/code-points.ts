/** Moved to the kernel (`text/code-points.ts`): the W3C annotation export counts code points too. */
export { CodePointIndex } from '../text/code-points';
