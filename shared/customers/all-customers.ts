import type { CustomerItem } from './customer.ts';
import { listCustomers } from './repository.ts';

/**
 * Every customer, a page at a time (oldest first is not needed: the `by-created`
 * index, newest first), so a job over the whole fleet holds one page in memory.
 */
export async function* customerPages(pageSize = 100): AsyncGenerator<readonly CustomerItem[]> {
  let nextToken: string | undefined;
  do {
    const page = await listCustomers({ limit: pageSize, ...(nextToken ? { nextToken } : {}) });
    if (page.items.length > 0) yield page.items;
    nextToken = page.nextToken;
  } while (nextToken);
}
