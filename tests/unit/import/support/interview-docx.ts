import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/**
 * A Word transcript built the way people write them: a Title, Heading 1 sections, and
 * turns that open with a bold "Q:" / "A:" label and a (mm:ss) timestamp.
 */
export async function interviewDocx(): Promise<Uint8Array> {
  const turn = (label: string, time: string, text: string) =>
    new Paragraph({ children: [new TextRun({ text: `${label}:`, bold: true }), new TextRun(` (${time}) ${text}`)] });
  const doc = new Document({
    creator: 'Field Workbench tests',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Interview with a former Kosovo Police officer, Zvečan', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Recorded 2 April 2024 in Zvečan. The respondent served eleven years in the Kosovo Police before resigning in November 2022.' }),
          new Paragraph({ text: 'Leaving the service', heading: HeadingLevel.HEADING_1 }),
          turn('Q', '00:40', 'Why did you resign in November 2022?'),
          turn('A', '00:52', 'It was not an individual decision. The whole station resigned on the same morning, and if you stayed, you stayed alone.'),
          new Paragraph({ text: 'I did not want to be the one who stayed. My neighbours would not have spoken to me again.' }),
          turn('Q', '02:15', 'Did anyone from the institution contact you afterwards?'),
          turn('A', '02:21', 'Nobody. I received a letter about my pension, that is all.'),
          new Paragraph({ text: 'Going back', heading: HeadingLevel.HEADING_1 }),
          turn('Q', '12:31', 'Would you go back to the Kosovo Police?'),
          turn('A', '12:40', 'If my rank is recognised and I can serve in my own municipality, yes. I know every street in Zvečan. A colleague from Prizren does not.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
