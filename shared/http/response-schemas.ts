import * as z from 'zod';

/**
 * The `next_token` of a page (shared/http/pagination.ts): base64url of the
 * listing's last key, opaque to clients. Present only when more items may
 * follow; sent back as `?next_token=` it answers the next page of the same
 * listing (another listing's token is a 400).
 */
export const nextTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/)
  .meta({ description: 'Opaque; present only when more items may follow. Send it back as `next_token` for the next page of the same listing.' });

/** `{ <items>: [...], count, next_token? }`: one page of a listing, as every paginated route answers it. */
export function pageSchema<const Key extends string, Item extends z.ZodType>(key: Key, item: Item, description: string) {
  return z
    .object({
      ...({ [key]: z.array(item) } as { [K in Key]: z.ZodArray<Item> }),
      count: z.int().min(0).meta({ description: 'How many items this page holds.' }),
      next_token: nextTokenSchema.optional(),
    })
    .meta({ description });
}
