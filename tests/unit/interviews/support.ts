import type { Core } from '../../../electron/core/core';
import { call } from '../team/support';

/**
 * A real interview transcript, written as interviewers type them: `Name:` turns, a
 * respondent named in full in the labels and by first name (with a possessive, and in
 * capitals) in the answers, a cousin whose name starts with the same letters (which must
 * survive), and a second respondent.
 */
export const interviewText = [
  'Interviewer: Thank you for meeting me, Arben. How long have you lived in Mitrovica?',
  "Arben Krasniqi: Twenty years. Arben's family came from Vushtrri, and the school register still says ARBEN KRASNIQI in capitals.",
  'Interviewer: Do you trust the police in the north?',
  'Arben Krasniqi: Not always. My cousin Arbenesha works for them, and she says arben is a troublemaker.',
  'Interviewer: Drita, you were nodding.',
  'Drita Hoxha: Drita trusts them more than Arben does. Arben Krasniqi and I argue about it every week.',
  'Interviewer: Thank you both.',
  'Drita Hoxha: You are welcome.',
].join('\n\n');

/** The real name as a whole word, any case: what must be gone after anonymising. */
export const arben = /(?<![\p{L}])arben(?![\p{L}])/iu;

export async function importInterview(core: Core, text = interviewText, fileName = 'interview-mitrovica.txt'): Promise<string> {
  const imported = await call(core, 'import.bytes', { fileName, base64: Buffer.from(text).toString('base64') });
  return imported.documentId;
}

export function passagesOf(core: Core, docId: string) {
  return core.corpus.passages(docId).sort((a, b) => a.order - b.order);
}
