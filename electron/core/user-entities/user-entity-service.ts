import { WorkbenchError } from '../api/errors';
import type { Entity } from '../corpus/schema';
import type { RecordChange, RecordSet, Workspace } from '../store';
import { UserEntitySchema, userEntitiesCollection } from './user-entity-schema';

/** The workspace's own entities: read by annotations (links) and search (aliases), written here only. */
export class UserEntityService {
  private readonly records: RecordSet<Entity>;

  constructor(private readonly workspace: Workspace) {
    this.records = workspace.records(userEntitiesCollection);
  }

  list(): Entity[] {
    return [...this.records.values()];
  }

  get(id: string): Entity | undefined {
    return this.records.get(id);
  }

  get count(): number {
    return this.records.size;
  }

  /** Adds or replaces one of the user's entities. */
  async save(candidate: unknown): Promise<Entity> {
    const parsed = UserEntitySchema.safeParse({ ...(candidate as object), userDefined: true });
    if (!parsed.success) {
      throw new WorkbenchError('BAD_REQUEST', `The entity is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entity'}: ${issue.message}`).join('; ')}`);
    }
    await this.workspace.transact((tx) => tx.put(userEntitiesCollection, parsed.data));
    return parsed.data;
  }

  async remove(id: string): Promise<void> {
    if (!this.get(id)) throw new WorkbenchError('NOT_FOUND', `There is no entity ${id} of yours in this workspace.`);
    await this.workspace.transact((tx) => void tx.delete(userEntitiesCollection, id));
  }

  /** Called after the user's entities change (here or in another process). */
  onChange(listener: (changes: Array<RecordChange<Entity>>) => void): () => void {
    return this.records.subscribe((changes) => listener(changes));
  }
}
