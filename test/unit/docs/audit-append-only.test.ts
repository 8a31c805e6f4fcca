import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file under the product folders. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const root = new URL('../../../', import.meta.url).pathname;
const files = ['shared', 'functions', 'local', 'lib'].flatMap((dir) => sources(join(root, dir)));

describe('the audit trail is append-only', () => {
  it("names the audit table only in the module that appends and the one that reads", () => {
    const users = files.filter((f) => readFileSync(f, 'utf8').includes("tableName('audit')")).map((f) => f.slice(root.length));
    expect(users.sort()).toEqual(['shared/audit/audit-log.ts', 'shared/audit/audit-trail.ts']);
  });

  it('appends with a condition that makes every write an insert, and reads with a query', () => {
    const log = readFileSync(join(root, 'shared/audit/audit-log.ts'), 'utf8');
    const trail = readFileSync(join(root, 'shared/audit/audit-trail.ts'), 'utf8');
    expect(log).toMatch(/new PutCommand\([\s\S]*ConditionExpression: 'attribute_not_exists\(event_key\)'/);
    expect(log).not.toMatch(/UpdateCommand|DeleteCommand|BatchWrite|TransactWrite/);
    expect(trail).not.toMatch(/PutCommand|UpdateCommand|DeleteCommand|BatchWrite|TransactWrite/);
  });
});
