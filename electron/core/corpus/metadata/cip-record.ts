/**
 * The ISBD line of a Cataloguing-in-Publication record, as national libraries print it on the
 * colophon: "Title / Statement of responsibility. – Place : Publisher, Year. – 33 f. ; 24 cm."
 * (Biblioteka Kombëtare e Kosovës prints them in the KCSS papers.)
 */
export interface CipEntry {
  title: string;
  responsibility: string;
  place: string;
  publisher: string;
  year: number;
}

const DASH = String.raw`[-–—]`;
const ISBD = new RegExp(
  String.raw`^(?<title>.+?)\s+\/\s+(?<responsibility>.+?)\.\s+${DASH}\s+(?<place>[^:]+?)\s+:\s+(?<publisher>[^,]+?),\s+(?:c|©)?(?<year>(?:1[5-9]|20)\d{2})\.`,
  'u',
);

export function parseCipEntry(text: string): CipEntry | undefined {
  const groups = ISBD.exec(text.trim())?.groups;
  if (!groups) return undefined;
  return {
    title: groups.title!.trim(),
    responsibility: groups.responsibility!.trim(),
    place: groups.place!.trim(),
    publisher: groups.publisher!.trim(),
    year: Number(groups.year),
  };
}
