import type { StyledRun } from '../../../../electron/core/citations/csl-html';

/** citeproc's styled text (italic titles, small caps) as React elements, never as raw HTML. */
export function StyledRuns({ runs }: { runs: StyledRun[] }) {
  return (
    <>
      {runs.map((run, index) => {
        let element: React.ReactNode = run.text;
        if (run.italic) element = <i>{element}</i>;
        if (run.bold) element = <b>{element}</b>;
        if (run.superscript) element = <sup>{element}</sup>;
        if (run.subscript) element = <sub>{element}</sub>;
        if (run.smallCaps) element = <span className="small-caps">{element}</span>;
        return <span key={index}>{element}</span>;
      })}
    </>
  );
}
