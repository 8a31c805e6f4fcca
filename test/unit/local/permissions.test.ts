import { describe, expect, it } from 'vitest';
import { checkTableUse, LocalAccessDenied, tableUses, type FunctionGrants } from '#local/permissions.ts';

const logical = (physical: string) => (physical.startsWith('portico-local-') ? (physical.slice('portico-local-'.length) as never) : undefined);
const grants: FunctionGrants = { id: 'customers.get', tables: { customers: 'read', audit: 'readwrite' }, capabilities: [] };

describe('tableUses', () => {
  it('reads single-table commands by name, with both client naming styles', () => {
    expect(tableUses('GetCommand', { TableName: 't' })).toEqual([{ table: 't', access: 'read' }]);
    expect(tableUses('GetItemCommand', { TableName: 't' })).toEqual([{ table: 't', access: 'read' }]);
    expect(tableUses('UpdateItemCommand', { TableName: 't' })).toEqual([{ table: 't', access: 'readwrite' }]);
  });

  it('reads every table of batch and transaction commands, a condition check being a read', () => {
    expect(tableUses('BatchGetItemCommand', { RequestItems: { a: {}, b: {} } })).toEqual([
      { table: 'a', access: 'read' },
      { table: 'b', access: 'read' },
    ]);
    expect(
      tableUses('TransactWriteItemsCommand', { TransactItems: [{ Put: { TableName: 'a' } }, { ConditionCheck: { TableName: 'b' } }] }),
    ).toEqual([
      { table: 'a', access: 'readwrite' },
      { table: 'b', access: 'read' },
    ]);
  });
});

describe('checkTableUse', () => {
  it('allows what is declared', () => {
    expect(() =>
      checkTableUse(grants, [{ table: 'portico-local-customers', access: 'read' }, { table: 'portico-local-audit', access: 'readwrite' }], logical),
    ).not.toThrow();
  });

  it('refuses a write to a read-only table and any use of an undeclared one, naming the function', () => {
    expect(() => checkTableUse(grants, [{ table: 'portico-local-customers', access: 'readwrite' }], logical)).toThrow(
      "function 'customers.get' may not write table 'customers'",
    );
    expect(() => checkTableUse(grants, [{ table: 'portico-local-usage', access: 'read' }], logical)).toThrow(LocalAccessDenied);
  });
});
