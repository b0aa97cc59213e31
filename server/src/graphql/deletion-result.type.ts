// What every delete mutation answers (technologies, capabilities, suppliers, any mapped entity, scenarios).
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a delete removed.' })
export class DeletionResult {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Links removed with it.' }) relationshipsRemoved!: number;
  @Field(() => ID, { nullable: true, description: 'The DELETE change in history: an admin can restore it, links included.' }) changeId?: string | null;
}
