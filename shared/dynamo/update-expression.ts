/**
 * Builds an UpdateItem expression from plain changes: a value sets the
 * attribute, `null` removes it, `undefined` leaves it alone. A key with dots
 * (`quota_overrides.max_storage_gb`) is a path into a map that exists.
 */
export interface UpdateExpressionParts {
  readonly UpdateExpression: string;
  readonly ExpressionAttributeNames: Record<string, string>;
  readonly ExpressionAttributeValues: Record<string, unknown>;
}

export function buildUpdateExpression(changes: Record<string, unknown>): UpdateExpressionParts {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const set: string[] = [];
  const remove: string[] = [];
  let i = 0;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const name = field
      .split('.')
      .map((part, j) => {
        names[`#f${i}_${j}`] = part;
        return `#f${i}_${j}`;
      })
      .join('.');
    if (value === null) {
      remove.push(name);
    } else {
      values[`:v${i}`] = value;
      set.push(`${name} = :v${i}`);
    }
    i += 1;
  }
  const clauses = [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''];
  return {
    UpdateExpression: clauses.filter(Boolean).join(' '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
