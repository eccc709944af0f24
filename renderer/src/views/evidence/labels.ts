import type { EntityType, EventKind } from '../../../../electron/core/corpus/schema';

export const kindLabels: Record<EventKind, string> = {
  'security-incident': 'Security incident',
  military: 'Military',
  agreement: 'Agreement',
  election: 'Election',
  diplomatic: 'Diplomatic',
  legal: 'Legal',
  institutional: 'Institutional',
  economic: 'Economic',
  meeting: 'Meeting',
  other: 'Other',
};

export const entityTypeLabels: Record<EntityType, string> = {
  person: 'People',
  organisation: 'Organisations',
  place: 'Places',
  event: 'Events',
  'law-or-agreement': 'Laws and agreements',
  strategy: 'Strategies',
};

export const precisionLabels = { day: 'day', month: 'month', 'part-of-year': 'part of a year', year: 'year' } as const;

