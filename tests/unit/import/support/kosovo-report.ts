import type { ReportSpec } from './report-pdf.js';

/** A short policy report on policing in North Kosovo, with footnotes, for layout tests. */
export const kosovoReport: ReportSpec = {
  title: 'Policing the North: Trust, Presence and Reintegration in North Kosovo',
  authors: ['Ardita Berisha', 'Nikola Jovanović'],
  runningHeader: 'Policing the North — Policy Report 2024',
  sections: [
    {
      heading: '1. Introduction',
      paragraphs: [
        'In November 2022 almost all Kosovo Serb officers of the Kosovo Police in the four northern municipalities resigned in protest against the decision on vehicle licence plates.[[Kosovo Police, Annual Report 2022, https://www.kosovopolice.com/reports/2022]] Their departure left Zubin Potok, Zvečan, Leposavić and North Mitrovica with a police presence drawn almost entirely from other parts of Kosovo.',
        'The consequences for everyday security were immediate and far-reaching. Residents who had relied on neighbourhood officers for decades now encountered unfamiliar patrols, often from the special intervention units, and reported incidents less frequently than before. Municipal representatives described a widening distance between the institutions and the communities they are meant to serve.',
        'This report examines how trust in policing changed between 2022 and 2024, drawing on forty-two interviews, three focus groups and the public statements of the institutions involved.[[Interviews were conducted in Serbian, Albanian and English between January and May 2024.]] It closes with recommendations for the Kosovo government, the European Union and KFOR.',
      ],
    },
    {
      heading: '2. The Withdrawal and Its Aftermath',
      paragraphs: [
        'The mass resignation was coordinated through the Serb List and followed weeks of tension around the Jarinje and Bernjak crossings. Barricades erected in December 2022 blocked the main roads for almost three weeks, and the international presence, above all KFOR, acted as an intermediary between the barricades and the authorities in Pristina.',
        'Interviewees repeatedly distinguished between the police as an institution and individual officers. Many respected individual officers but considered the institution an instrument of the central government rather than a neutral public service. This distinction matters for any strategy of reintegration, because confidence in individuals can be rebuilt faster than confidence in institutions.',
        'Following the armed attack in Banjska in September 2023, the number of officers deployed in the north increased again, and checkpoints became a permanent feature of daily travel.[[Ministry of Internal Affairs, statement of 26 September 2023, https://mpb.rks-gov.net/statements]] Young men in particular reported being stopped repeatedly, which several respondents described as collective suspicion.',
      ],
    },
    {
      heading: '3. Rebuilding Trust',
      paragraphs: [
        'Three measures were named most often by respondents: the recruitment of local Serbs into the Kosovo Police, community policing officers who are present in local offices on fixed days, and transparent communication before large operations. None of these measures requires new legislation; all of them require sustained political commitment.',
        'Mixed patrols, combining officers from different communities, were mentioned as a symbol of the arrangements agreed in Brussels in 2013. Their absence is read locally as a sign that those arrangements have been abandoned, and their return would carry a significance far beyond their operational value.[[On the Brussels Agreement of 19 April 2013 and its policing provisions, see https://www.eeas.europa.eu/brussels-agreement]]',
        'The European Union and KFOR can support this process by funding language training, by monitoring the treatment of detainees, and by insisting that reintegration is discussed in the dialogue between Belgrade and Pristina rather than deferred indefinitely.',
      ],
    },
  ],
};
