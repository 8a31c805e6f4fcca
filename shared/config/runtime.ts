import type { TableName } from '../tables/definitions.ts';
import { tables } from '../tables/definitions.ts';

/**
 * Reads a required environment variable. Called at module scope by the code
 * that needs it, so a misconfigured function fails at cold start, not on the
 * hundredth request.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Environment variable ${name} must be set`);
  }
  return value;
}

export function optionalEnv(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`Environment variable ${name} must be an integer, got '${raw}'`);
  return value;
}

/**
 * Physical table name, from the variable the table definition names. Call it
 * where the table is used, not at module scope: a shared module must not
 * demand the variables of every function that imports it without using it.
 * Locally, the permission check of the local stack proves that every table a
 * function uses is declared for it, so in AWS it has the variable and the grant.
 */
export function tableName(table: TableName): string {
  return requireEnv(tables[table].envVar);
}
