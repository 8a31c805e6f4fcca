import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV } from '#shared/config/env-vars.ts';
import { routeTable } from '#shared/routes/index.ts';
import { tableList } from '#shared/tables/definitions.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it.each(routeTable.map((r) => [r.method, r.path] as const))('lists %s %s in the API table', (method, path) => {
    expect(readme).toContain(`| \`${method}\` | \`${path}\` |`);
  });

  it('documents every environment variable and table variable functions read', () => {
    const variables = [...Object.values(ENV), ...tableList.map((t) => t.envVar)];
    expect(variables.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('shows the two quick-start commands', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});
