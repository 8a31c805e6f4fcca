import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveEndpoints } from '#cli/config/endpoints.ts';
import { configDir } from '#cli/config/paths.ts';
import { positiveInteger } from '#cli/commands/options.ts';
import { printable } from '#cli/output/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'portico-cli-config-'));
const stackFile = join(dir, 'stack.json');
writeFileSync(
  stackFile,
  JSON.stringify({ api_url: 'http://127.0.0.1:3000', region: 'us-east-1', cognito: { endpoint: 'http://127.0.0.1:9229', user_pool_id: 'local_1', client_id: 'local-client' } }),
);
const env = { PORTICO_STACK_FILE: stackFile };

describe('where the API and its user pool are', () => {
  it('reads the stack file when nothing else says', () => {
    expect(resolveEndpoints({}, env, dir)).toEqual({
      apiUrl: 'http://127.0.0.1:3000',
      cognito: { clientId: 'local-client', region: 'us-east-1', endpoint: 'http://127.0.0.1:9229' },
    });
  });

  it('prefers the flag to the environment to the stack file', () => {
    const fromEnv = { ...env, PORTICO_API_URL: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/', PORTICO_CLIENT_ID: 'env-client' };

    expect(resolveEndpoints({}, fromEnv, dir)).toEqual({
      apiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod',
      cognito: { clientId: 'env-client', region: 'eu-west-1' },
    });
    expect(resolveEndpoints({ apiUrl: 'https://api.example.com', clientId: 'flag-client', region: 'us-west-2' }, fromEnv, dir)).toEqual({
      apiUrl: 'https://api.example.com',
      cognito: { clientId: 'flag-client', region: 'us-west-2' },
    });
  });

  it("does not lend the stack file's user pool to another API", () => {
    expect(resolveEndpoints({ apiUrl: 'https://api.example.com' }, env, dir)).toEqual({ apiUrl: 'https://api.example.com' });
  });

  it('never mixes the user pool of the environment with the endpoint of a stack file (the password would go there)', () => {
    const crafted = join(dir, 'crafted.json');
    const api = 'https://abc.execute-api.eu-west-1.amazonaws.com/prod';
    writeFileSync(crafted, JSON.stringify({ api_url: api, region: 'eu-west-1', cognito: { endpoint: 'https://collector.attacker.test', client_id: 'x' } }));

    expect(resolveEndpoints({}, { PORTICO_STACK_FILE: crafted, PORTICO_API_URL: api, PORTICO_CLIENT_ID: 'real-client' }, dir)).toEqual({
      apiUrl: api,
      cognito: { clientId: 'real-client', region: 'eu-west-1' },
    });
    expect(() => resolveEndpoints({}, { PORTICO_STACK_FILE: crafted }, dir)).toThrow(/names a Cognito endpoint off this machine/);
  });

  it('refuses http off this machine, for the API and for Cognito, and takes the API URL in any spelling', () => {
    expect(() => resolveEndpoints({ apiUrl: 'http://api.example.com' }, env, dir)).toThrow(/must be https/);
    expect(() => resolveEndpoints({ apiUrl: 'https://api.example.com' }, { ...env, PORTICO_CLIENT_ID: 'c', PORTICO_REGION: 'us-east-1', PORTICO_COGNITO_ENDPOINT: 'http://10.0.0.5:9229' }, dir)).toThrow(
      /PORTICO_COGNITO_ENDPOINT .* must be https/,
    );
    expect(resolveEndpoints({ apiUrl: 'HTTP://127.0.0.1:3000//' }, env, dir)).toEqual(resolveEndpoints({}, env, dir));
  });

  it('says how to point it at an API when there is none (a usage error)', () => {
    expect(() => resolveEndpoints({}, { PORTICO_STACK_FILE: join(dir, 'absent.json') }, dir)).toThrow(/pass --api-url, set PORTICO_API_URL/);
  });

  it('keeps its files in PORTICO_CONFIG_DIR, else $XDG_CONFIG_HOME/portico, else ~/.config/portico', () => {
    expect(configDir({ PORTICO_CONFIG_DIR: 'conf', XDG_CONFIG_HOME: '/xdg', HOME: '/home/ada' }, '/work')).toBe('/work/conf');
    expect(configDir({ XDG_CONFIG_HOME: '/xdg', HOME: '/home/ada' }, '/work')).toBe('/xdg/portico');
    expect(configDir({ HOME: '/home/ada' }, '/work')).toBe('/home/ada/.config/portico');
  });
});

describe('what the CLI prints of a server answer', () => {
  it('drops control characters, so an answer cannot drive the terminal', () => {
    expect(printable('Forbidden\u001b[2J: no\u001b]0;owned\u0007 access\u009b')).toBe('Forbidden[2J: no]0;owned access');
    expect(printable('line one\nline two\ttabbed')).toBe('line one\nline two\ttabbed');
  });

  it('takes counts as whole numbers of at least 1 (a usage error otherwise)', () => {
    expect(positiveInteger('25')).toBe(25);
    for (const bad of ['0', '0.5', '-1', '1e3', '']) expect(() => positiveInteger(bad)).toThrow('must be a whole number of at least 1');
  });
});
