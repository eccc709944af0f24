/**
 * The user-entities area: entities a user added beside the corpus catalogue, in the
 * `entities` collection. It has no API methods yet; other areas read it through the service.
 */
import { userEntitiesCollection } from './user-entity-schema';

export { UserEntitySchema, userEntitiesCollection } from './user-entity-schema';
export { UserEntityService } from './user-entity-service';

/** The collections this area owns. */
export const userEntitiesCollections = [userEntitiesCollection] as const;
